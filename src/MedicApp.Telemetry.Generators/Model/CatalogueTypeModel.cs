namespace MedicApp.Telemetry.Generators.Model;

/// <summary>The partial class that holds event methods and receives the generated tracker code.</summary>
/// <param name="Namespace">The namespace, empty for the global namespace.</param>
/// <param name="Name">The class name.</param>
internal sealed record CatalogueTypeModel(string Namespace, string Name)
{
    public string FullName => Namespace.Length == 0 ? Name : Namespace + "." + Name;
}
