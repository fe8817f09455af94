using System.Globalization;
using System.Text.Json.Nodes;

namespace MedicApp.Api.Tests.Drill;

/// <summary>What the loopback ingestion server received, read as the alert queries read Application Insights.</summary>
internal sealed class IngestedTelemetry(IReadOnlyList<JsonObject> envelopes)
{
    /// <summary>The custom events of that name, as their customDimensions.</summary>
    public IReadOnlyList<JsonObject> Events(params string[] names)
        => [.. envelopes.Where(e => Type(e) == "EventData" && names.Contains((string?)e["data"]!["baseData"]!["name"])).Select(static e => (JsonObject)e["data"]!["baseData"]!["properties"]!)];

    /// <summary>The requests, each with the number of requests it stands for (itemCount, from the sampling rate).</summary>
    public IEnumerable<(string Path, int Status, double ItemCount)> Requests()
        => envelopes.Where(static e => Type(e) == "RequestData").Select(static e =>
        {
            var data = e["data"]!["baseData"]!;
            return (PathOf((string)data["url"]!), int.Parse((string)data["responseCode"]!, CultureInfo.InvariantCulture), ItemCount(e));
        });

    /// <summary>The exceptions, weighted by the number each stands for.</summary>
    public double Exceptions() => envelopes.Where(static e => Type(e) == "ExceptionData").Sum(ItemCount);

    // The path of a URL whose host may be redacted ("http://[ip]:5080/health"), as KQL's parse_url(url).Path reads it.
    private static string PathOf(string url)
    {
        var afterScheme = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var path = url.IndexOf('/', afterScheme);
        var query = url.IndexOfAny(['?', '#'], Math.Max(path, 0));
        return path < 0 ? "/" : query < 0 ? url[path..] : url[path..query];
    }

    private static string? Type(JsonObject envelope) => (string?)envelope["data"]?["baseType"];

    // A kept item stands for 100 / sample rate items: Application Insights' itemCount. The rate is the envelope's
    // sampleRate, or the microsoft.sample_rate attribute the rate-limited sampler leaves on the item.
    private static double ItemCount(JsonObject envelope)
    {
        var rate = envelope["sampleRate"]?.GetValue<double>()
            ?? (double.TryParse((string?)envelope["data"]?["baseData"]?["properties"]?["microsoft.sample_rate"], NumberStyles.Float, CultureInfo.InvariantCulture, out var attribute) ? attribute : 100);
        return rate > 0 ? 100 / rate : 1;
    }
}
