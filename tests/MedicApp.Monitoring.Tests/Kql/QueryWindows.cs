using System.Text.Json.Nodes;
using MedicApp.Monitoring.Tests.Bicep;

namespace MedicApp.Monitoring.Tests.Kql;

/// <summary>
/// The window each query file runs over, read from the compiled template as Azure deploys it: a log alert's
/// <c>windowSize</c> and <c>evaluationFrequency</c>, a dashboard tile's <c>TimeRange</c>.
/// </summary>
internal static class QueryWindows
{
    public static async Task<Dictionary<string, QueryWindow>> FromTemplateAsync()
    {
        var files = Directory.GetFiles(Repository.PathOf("infra/queries"), "*.kql")
            .ToDictionary(static f => File.ReadAllText(f), static f => "infra/queries/" + Path.GetFileName(f));
        var windows = new Dictionary<string, QueryWindow>();
        foreach (var resource in TemplateResources.Expand(await BicepCli.CompiledMainAsync()))
        {
            foreach (var (query, window) in RunsOf(resource))
            {
                var file = files.TryGetValue(query, out var known) ? known : throw new InvalidOperationException($"{resource.Name} runs a query that is no file of infra/queries");
                Assert.True(windows.TryAdd(file, window) || windows[file] == window, $"{file} runs over {windows.GetValueOrDefault(file)} and {window}");
            }
        }

        return windows;
    }

    /// <summary>Writes the windows where <c>check.js --windows</c> reads them.</summary>
    public static async Task<string> WriteAsync(Dictionary<string, QueryWindow> windows)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("kql-windows-").FullName, "windows.json");
        var json = new JsonObject();
        foreach (var (file, window) in windows)
        {
            json[file] = window.Every is null ? window.Window : new JsonObject { ["window"] = window.Window, ["every"] = window.Every };
        }

        await File.WriteAllTextAsync(path, json.ToJsonString());
        return path;
    }

    private static IEnumerable<(string Query, QueryWindow Window)> RunsOf(DeployedResource resource)
    {
        if (resource.Type == "Microsoft.Insights/scheduledQueryRules")
        {
            var properties = resource.Properties!;
            yield return (properties["criteria"]!["allOf"]![0]!["query"]!.GetValue<string>(), new(properties["windowSize"]!.GetValue<string>(), properties["evaluationFrequency"]!.GetValue<string>()));
        }
        else if (resource.Type == "Microsoft.Portal/dashboards")
        {
            foreach (var part in resource.Properties!["lenses"]!.AsArray().SelectMany(static lens => lens!["parts"]!.AsArray()))
            {
                var inputs = part!["metadata"]!["inputs"]!.AsArray().ToDictionary(static i => i!["name"]!.GetValue<string>(), static i => i!["value"]);
                yield return (inputs["Query"]!.GetValue<string>(), new(inputs["TimeRange"]!.GetValue<string>(), null));
            }
        }
    }
}
