using System.Text.Json.Nodes;

namespace MedicApp.Monitoring.Tests.Kql;

/// <summary>The event catalogue's schema file, read, or copied with a change to prove that the checks bite.</summary>
internal sealed class CatalogueFile : IDisposable
{
    private CatalogueFile(string path) => Path = path;

    public string Path { get; }

    public static IReadOnlySet<string> EventNames(string file)
        => Events(JsonNode.Parse(File.ReadAllText(file))!).Select(static e => (string)e["name"]!).ToHashSet();

    public static CatalogueFile WithRenamedProperty(string eventName, string property, string newName)
        => Changed(schema =>
        {
            var target = Events(schema).Single(e => (string)e["name"]! == eventName)["properties"]!.AsArray().Single(p => (string)p!["name"]! == property)!;
            target["name"] = newName;
        });

    public static CatalogueFile WithRenamedEvent(string eventName, string newName)
        => Changed(schema => Events(schema).Single(e => (string)e["name"]! == eventName)["name"] = newName);

    public void Dispose() => File.Delete(Path);

    private static IEnumerable<JsonNode> Events(JsonNode schema) => schema["events"]!.AsArray().Select(static e => e!);

    private static CatalogueFile Changed(Action<JsonNode> change)
    {
        var schema = JsonNode.Parse(File.ReadAllText(Repository.PathOf(KqlCheck.Catalogue)))!;
        change(schema);
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"events.schema.{Guid.NewGuid():N}.json");
        File.WriteAllText(path, schema.ToJsonString());
        return new CatalogueFile(path);
    }
}
