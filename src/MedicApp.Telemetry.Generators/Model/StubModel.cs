namespace MedicApp.Telemetry.Generators.Model;

/// <summary>
/// The implementations to write for event methods the generator does not implement (a rejected method, or every
/// method of a catalogue compiled with a C# version too old for its code): their namespace, the declarations of the
/// types around them (outermost first) and their signatures, all as C# text.
/// </summary>
internal sealed record StubModel(
    string HintName,
    string Namespace,
    ImmutableEquatableArray<string> Containers,
    ImmutableEquatableArray<string> Signatures);
