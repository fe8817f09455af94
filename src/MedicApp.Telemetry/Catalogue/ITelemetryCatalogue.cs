namespace MedicApp.Telemetry;

/// <summary>Implemented by the generator on every catalogue class: gives access to its metadata without an instance.</summary>
public interface ITelemetryCatalogue
{
    /// <summary>Gets the events the catalogue declares.</summary>
    static abstract EventCatalogue Catalogue { get; }
}
