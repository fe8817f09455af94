using System;

namespace MedicApp.Telemetry;

/// <summary>A catalogue added with <c>AddCatalogue&lt;T&gt;()</c>, so its event names can be checked against the others.</summary>
internal abstract class CatalogueRegistration
{
    public abstract Type CatalogueType { get; }

    public abstract EventCatalogue Catalogue { get; }
}

/// <summary>One type per catalogue, so that adding the same catalogue twice registers it once.</summary>
/// <typeparam name="TCatalogue">The catalogue class.</typeparam>
internal sealed class CatalogueRegistration<TCatalogue> : CatalogueRegistration
    where TCatalogue : ITelemetryCatalogue
{
    public override Type CatalogueType => typeof(TCatalogue);

    public override EventCatalogue Catalogue => TCatalogue.Catalogue;
}
