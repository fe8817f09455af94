using System.Net;
using System.Text.Json;
using MedicApp.Api.Data;
using MedicApp.Api.Drill;
using MedicApp.Api.Features.Drill;
using MedicApp.Api.Tests.Hosting;
using MedicApp.Tests.Shared;

namespace MedicApp.Api.Tests.Drill;

/// <summary>
/// MON-07 locally: the drill runs against the API on Kestrel with the real Application Insights SDK sending to a loopback
/// ingestion server, and what that server received holds each alert's inputs, past each threshold of docs/MONITORING.md.
/// </summary>
public sealed class DrillTests : IDisposable
{
    private readonly IngestionServer _ingestion = new();

    public static TheoryData<string> Providers => [nameof(DatabaseProvider.Sqlite), nameof(DatabaseProvider.PostgreSql)];

    public void Dispose() => _ingestion.Dispose();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Drill_SendsEveryAlertsInputsPastItsThreshold(string provider)
    {
        var output = new StringWriter();
        var report = Path.Combine(Directory.CreateTempSubdirectory("medicapp-drill-").FullName, "drill.jsonl");
        await using (var host = await ApiHost.StartAsync(Enum.Parse<DatabaseProvider>(provider), Settings(), kestrel: true, inMemoryEvents: false))
        {
            var code = await DrillCommand.RunAsync(["--target", host.CreateClient().BaseAddress!.ToString(), "--key", ApiHost.InternalKey, "--out", report], output);

            Assert.True(code == 0, output.ToString());

            // The SDK exports in batches: the burst of faults is in, requests and exceptions, before the host stops.
            await _ingestion.WaitForAsync(static e => (string?)e["data"]?["baseType"] == "ExceptionData", DrillScenario.Faults, TimeSpan.FromSeconds(60));
            await _ingestion.WaitForAsync(static e => (string?)e["data"]?["baseData"]?["responseCode"] == "500", DrillScenario.Faults, TimeSpan.FromSeconds(60));
            Assert.NotEmpty(host.ErrorLogs);
            Assert.All(host.ErrorLogs, static e => Assert.Contains(nameof(DrillFaultException), e.ToString(), StringComparison.Ordinal));
        }

        // Stopping the host flushed the SDK; the business events may still be on their way from the outbox.
        await _ingestion.WaitForAsync(static e => (string?)e["data"]?["baseData"]?["name"] == "patient_journey_abandoned", 1, TimeSpan.FromSeconds(30));
        var expected = File.ReadAllLines(report).Select(static l => JsonSerializer.Deserialize<DrillExpectation>(l, JsonSerializerOptions.Web)!).ToList();
        Assert.Equal(DrilledAlerts.Order(), expected.Select(static e => e.Alert).Order());
        Assert.All(expected, static e => Assert.Contains(e.Alert, AlertThresholds.Alerts));
        Assert.All(expected, static e => Assert.True(e.ExpectedBy > e.SentAt));

        var sent = new IngestedTelemetry(_ingestion.Envelopes);
        Assert.All(sent.Events("patient_registered").GroupBy(static e => (string?)e["channel"]), static g => Assert.NotNull(g.Key));
        Assert.True(sent.Events("patient_registered").Count > AlertThresholds.Of("MedicApp - ALERT-01 Nouvelle inscription"));
        Assert.True(sent.Events("signature_all_completed").Count > AlertThresholds.Of("MedicApp - ALERT-02 Signatures completes"));
        Assert.True(sent.Events("reflection_period_ended").Count > AlertThresholds.Of("MedicApp - ALERT-03 Fin delai de reflexion"));
        var abandoned = sent.Events("patient_journey_abandoned");
        Assert.True(abandoned.Count > AlertThresholds.Of("MedicApp - ALERT-06 Parcours abandonne"));
        Assert.All(abandoned, static e => Assert.Equal("registered", (string?)e["last_state"]));

        var failures = sent.Events("auth_login_failure", "auth_mfa_failure");
        Assert.True(failures.GroupBy(static e => (string?)e["account_id"]).Max(static g => g.Count()) >= AlertThresholds.Of("MedicApp - ALERT-05 Brute-force compte"));
        Assert.True(failures.GroupBy(static e => (string?)e["client_ip"]).Max(static g => g.Count()) >= AlertThresholds.Of("MedicApp - ALERT-05 Brute-force adresse IP"));

        // ALERT-04 as its query counts: 5xx among the requests that are not health probes nor scheduled jobs.
        var traffic = sent.Requests().Where(static r => r.Path != "/health" && !r.Path.StartsWith("/internal/check-", StringComparison.Ordinal)).ToList();
        var total = traffic.Sum(static r => r.ItemCount);
        var serverErrors = traffic.Where(static r => r.Status >= 500).Sum(static r => r.ItemCount);
        Assert.True(total >= 20, $"{total} requests");
        Assert.True(serverErrors / total > AlertThresholds.Of("MedicApp - ALERT-04 Taux erreur anormal"), $"{serverErrors} of {total}");
        Assert.True(serverErrors > AlertThresholds.Of("MedicApp - Erreurs 5xx"), $"{serverErrors} server errors");
        Assert.True(sent.Exceptions() > AlertThresholds.Of("MedicApp - Exceptions backend"), $"{sent.Exceptions()} exceptions");
    }

    [Fact]
    public async Task Drill_StopsWithWhatToFix_WhenTheTargetRefuses()
    {
        await using var closed = await ApiHost.StartAsync(kestrel: true);
        var target = closed.CreateClient().BaseAddress!.ToString();

        Assert.Contains("Drill__Enabled=true", await RunFailingAsync(["--target", target, "--key", ApiHost.InternalKey]), StringComparison.Ordinal);

        await using var open = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["Drill:Enabled"] = "true" }, kestrel: true);
        var openTarget = open.CreateClient().BaseAddress!.ToString();
        Assert.Contains("refused the key (401)", await RunFailingAsync(["--target", openTarget, "--key", "not the key"]), StringComparison.Ordinal);
        Assert.Contains("cannot be reached", await RunFailingAsync(["--target", "http://127.0.0.1:9", "--key", ApiHost.InternalKey]), StringComparison.Ordinal);

        var usage = new StringWriter();
        Assert.Equal(2, await DrillCommand.RunAsync(["--target", "not a url", "--key", "k"], usage));
        Assert.Contains(DrillCommand.Usage, usage.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrillEndpoints_AreClosedByDefault_KeyGuarded_AndReachOnlyDrillPatients()
    {
        await using (var closed = await ApiHost.StartAsync())
        {
            await closed.CreateClient().SendAsync(HttpMethod.Post, "/internal/drill/fault", new { }, HttpStatusCode.NotFound, Key());
        }

        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["Drill:Enabled"] = "true" });
        var client = host.CreateClient();
        await client.PostAsync("/internal/drill/fault", new { }, HttpStatusCode.Unauthorized);
        var steps = new PatientSteps(host, client);
        var (patient, email) = await steps.RegisterAsync();

        await client.SendAsync(HttpMethod.Post, $"/internal/drill/patients/{patient}/backdate", new { }, HttpStatusCode.NotFound, Key());
        await client.SendAsync(HttpMethod.Get, $"/internal/drill/messages?recipient={Uri.EscapeDataString(email)}", null, HttpStatusCode.NotFound, Key());
        Assert.Empty(host.ErrorLogs);
    }

    private static readonly string[] DrilledAlerts =
    [
        "MedicApp - ALERT-01 Nouvelle inscription", "MedicApp - ALERT-02 Signatures completes", "MedicApp - ALERT-03 Fin delai de reflexion",
        "MedicApp - ALERT-04 Taux erreur anormal", "MedicApp - ALERT-05 Brute-force compte", "MedicApp - ALERT-05 Brute-force adresse IP",
        "MedicApp - ALERT-06 Parcours abandonne", "MedicApp - Erreurs 5xx", "MedicApp - Exceptions backend",
    ];

    private static Dictionary<string, string> Key() => new() { ["X-Internal-Key"] = ApiHost.InternalKey };

    private static async Task<string> RunFailingAsync(string[] args)
    {
        var output = new StringWriter();
        Assert.Equal(1, await DrillCommand.RunAsync(args, output));
        return output.ToString();
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = _ingestion.ConnectionString,
        ["MedicAppTelemetry:ApplicationInsights:ConnectionString"] = _ingestion.ConnectionString,
        ["MedicAppTelemetry:Pseudonymization:Key"] = Convert.ToBase64String("medicapp-drill-test-key-32-bytes"u8),
        ["Drill:Enabled"] = "true",

        // The SDK's rate-limited sampling keeps about 5 requests a second, weighted by itemCount in Azure; the drill
        // sends more than that, and the test checks its inputs exactly, so it keeps every item.
        ["ApplicationInsights:SamplingRatio"] = "1",
    };
}
