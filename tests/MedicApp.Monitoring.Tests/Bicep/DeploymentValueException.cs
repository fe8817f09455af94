namespace MedicApp.Monitoring.Tests.Bicep;

/// <summary>An expression whose value only Azure knows, at deployment (<c>reference()</c> of a resource).</summary>
internal sealed class DeploymentValueException(string expression) : InvalidOperationException($"[{expression}] is known only at deployment");
