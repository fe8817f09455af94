using System.IO;
using System.Linq;
using System.Text.Json;
using MedicApp.Telemetry.Contracts;
using MedicApp.Telemetry.Events;
using Xunit;

namespace MedicApp.Telemetry.Tests.Catalogue;

public sealed class ContractFileTests
{
    [Theory]
    [InlineData(ContractRenderer.MarkdownFile)]
    [InlineData(ContractRenderer.SchemaFile)]
    public void ContractFile_MatchesTheCatalogue(string name)
    {
        var path = Path.Combine(RepositoryRoot.Find(), "docs", name);
        var expected = ContractRenderer.Render(EventTracker.Catalogue).Single(f => f.Name == name).Content;

        Assert.True(File.Exists(path), $"docs/{name} is missing: run 'dotnet run --project tools/MedicApp.Telemetry.Contracts'.");
        var actual = File.ReadAllText(path).Replace("\r\n", "\n");
        Assert.True(expected == actual, $"docs/{name} no longer matches the catalogue: run 'dotnet run --project tools/MedicApp.Telemetry.Contracts' and review the change.");
    }

    [Fact]
    public void Schema_ListsEveryEventWithItsProperties()
    {
        using var schema = JsonDocument.Parse(ContractRenderer.RenderSchema(EventTracker.Catalogue));
        var events = schema.RootElement.GetProperty("events");

        Assert.Equal(29, events.GetArrayLength());
        var first = events[0];
        var definition = EventTracker.Catalogue.Find(first.GetProperty("name").GetString()!)!;
        Assert.Equal(definition.Properties.Count, first.GetProperty("properties").GetArrayLength());
    }
}
