namespace MedicApp.Telemetry.Generators.Model;

/// <summary>
/// The implementation to write for an event method the generator rejects: its namespace, the declarations of the
/// types around it (outermost first) and its signature, all as C# text.
/// </summary>
internal sealed record StubModel(
    string HintName,
    string Namespace,
    ImmutableEquatableArray<string> Containers,
    string Signature);
