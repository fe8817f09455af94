using System.Net;
using System.Text.Json.Nodes;
using MedicApp.Api.Tests.Hosting;
using MedicApp.Tests.Shared;

namespace MedicApp.Api.Tests.Telemetry;

/// <summary>
/// With an Application Insights connection string, the API sends requests and exceptions (M1) through the real SDK,
/// scrubbed by MedicApp.Telemetry's processors: a loopback ingestion server sees them without the personal values.
/// </summary>
public sealed class TechnicalTelemetryTests : IDisposable
{
    private readonly IngestionServer _ingestion = new();

    public void Dispose() => _ingestion.Dispose();

    [Fact]
    public async Task Requests_WithPersonalValuesInTheUrl_ReachApplicationInsightsScrubbed()
    {
        await using (var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = _ingestion.ConnectionString,
            ["ApplicationInsights:SamplingRatio"] = "1",
        }, kestrel: true))
        {
            var client = host.CreateClient();
            await client.GetAsync("/patients/0193a6f6-0000-7000-8000-000000000000?email=jeanne.martin%40example.fr&phone=0612345678", HttpStatusCode.Unauthorized);
            await client.PostAsync("/auth/login", new { login = "jeanne.martin@example.fr", password = "hunter2 hunter2" }, HttpStatusCode.Unauthorized);

            await _ingestion.WaitForAsync(static e => (string?)e["data"]?["baseType"] == "RequestData", 2, TimeSpan.FromSeconds(30));
        }

        var sent = string.Join('\n', _ingestion.Envelopes.Select(static e => e.ToJsonString()));
        Assert.Contains("/patients/0193a6f6-0000-7000-8000-000000000000", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("jeanne.martin", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("0612345678", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", sent, StringComparison.Ordinal);
    }
}
