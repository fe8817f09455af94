namespace MedicApp.Telemetry.Generators.Model;

/// <summary>
/// What parsing one event method produced: the event (when its shape allows code), its diagnostics, and a stub to
/// implement it with when the shape is rejected.
/// </summary>
/// <param name="Catalogue">The catalogue class, when it can hold events.</param>
/// <param name="Event">The event, when its shape allows code.</param>
/// <param name="Diagnostics">The problems of the declaration.</param>
/// <param name="EventLocation">Where the event's attribute is, for the diagnostics that compare events; kept apart from
/// <paramref name="Event"/>, which is emitted.</param>
/// <param name="CatalogueLocation">The name of the class declaration that holds the method, for the diagnostics about
/// the whole catalogue.</param>
/// <param name="Stub">The implementation of a rejected partial method.</param>
internal sealed record EventParseResult(
    CatalogueTypeModel? Catalogue,
    EventModel? Event,
    ImmutableEquatableArray<DiagnosticInfo> Diagnostics,
    LocationInfo? EventLocation,
    LocationInfo? CatalogueLocation,
    StubModel? Stub = null);
