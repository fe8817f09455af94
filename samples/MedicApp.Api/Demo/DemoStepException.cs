namespace MedicApp.Api.Demo;

/// <summary>A step of the demo got an answer other than the one it expects.</summary>
internal sealed class DemoStepException(string message) : Exception(message);
