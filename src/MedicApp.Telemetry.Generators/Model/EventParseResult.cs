namespace MedicApp.Telemetry.Generators.Model;

/// <summary>
/// What parsing one event method produced: the event (when its shape allows code), its diagnostics, and a stub to
/// implement it with when the shape is rejected.
/// </summary>
internal sealed record EventParseResult(
    CatalogueTypeModel? Catalogue,
    EventModel? Event,
    ImmutableEquatableArray<DiagnosticInfo> Diagnostics,
    StubModel? Stub = null);
