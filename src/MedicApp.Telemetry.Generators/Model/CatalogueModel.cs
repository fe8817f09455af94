namespace MedicApp.Telemetry.Generators.Model;

/// <summary>A catalogue class and all the events it declares: the unit of emission.</summary>
internal sealed record CatalogueModel(CatalogueTypeModel Type, ImmutableEquatableArray<EventModel> Events);
