namespace MedicApp.Telemetry.Generators.Model;

/// <summary>What parsing one event method produced: the event (when its shape allows code) and its diagnostics.</summary>
internal sealed record EventParseResult(
    CatalogueTypeModel? Catalogue,
    EventModel? Event,
    ImmutableEquatableArray<DiagnosticInfo> Diagnostics);
