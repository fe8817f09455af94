using System.Net;
using MedicApp.Api.Data;
using MedicApp.Api.Tests.Hosting;
using static MedicApp.Api.Tests.Hosting.EventAssert;

namespace MedicApp.Api.Tests.InternalJobs;

/// <summary>Both jobs on SQLite and PostgreSQL, over Kestrel: each patient is reported once, ever, even under 10 concurrent calls.</summary>
public sealed class InternalJobRunTests
{
    public static TheoryData<string> Providers => [nameof(DatabaseProvider.Sqlite), nameof(DatabaseProvider.PostgreSql)];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReflectionPeriodJob_TenConcurrentCalls_ReportEachPatientOnce(string provider)
    {
        await using var host = await ApiHost.StartAsync(Enum.Parse<DatabaseProvider>(provider), kestrel: true);
        var client = host.CreateClient();
        var steps = new PatientSteps(host, client);
        var ended = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ended.Add(await steps.InReflectionPeriodAsync());
        }

        host.Time.Advance(TimeSpan.FromDays(15) + TimeSpan.FromHours(6));
        var waiting = await steps.InReflectionPeriodAsync();

        var counts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => steps.RunJobAsync("check-reflection-period")));

        Assert.Equal(3, counts.Sum());
        var events = host.Events.GetEvents("reflection_period_ended");
        Assert.Equal(ended.Select(id => Pseudonym(host, id)).Order(), events.Select(static e => e.Properties["patient_id"]).Order());
        Assert.All(events, e => Assert.Equal(Milliseconds(TimeSpan.FromDays(15)), e.Properties["reflection_period_ms"]));
        Assert.All(events, e => Assert.Equal(Milliseconds(TimeSpan.FromHours(6)), e.Properties["overdue_ms"]));
        Assert.Equal(0, await steps.RunJobAsync("check-reflection-period"));
        AssertHeartbeats(host, "check_reflection_period", runs: 11, processed: 3);
        Assert.Equal("reflection_period>ready_for_procedure:scheduled_job", Transitions(host, ended[0])[^1]);
        Assert.Equal("reflection_period", (await steps.As(waiting).GetAsync($"/patients/{waiting}", HttpStatusCode.OK)).Text("journeyState"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AbandonedJourneyJob_TenConcurrentCalls_ReportEachIdleJourneyOnce(string provider)
    {
        await using var host = await ApiHost.StartAsync(Enum.Parse<DatabaseProvider>(provider), kestrel: true);
        var client = host.CreateClient();
        var steps = new PatientSteps(host, client);
        var idle = (await steps.RegisterAsync()).Id;
        var (idleLater, idleLaterEmail) = await steps.RegisterAsync();
        await steps.VerifyEmailAsync(idleLater, idleLaterEmail);
        await steps.CompleteFileAsync(idleLater);
        var waitingByLaw = await steps.InReflectionPeriodAsync();
        host.Time.Advance(TimeSpan.FromDays(20));
        var active = (await steps.RegisterAsync()).Id;
        host.Time.Advance(TimeSpan.FromDays(11));

        var counts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => steps.RunJobAsync("check-abandoned-journeys")));

        Assert.Equal(2, counts.Sum());
        var events = host.Events.GetEvents("patient_journey_abandoned");
        Assert.Equal(new[] { idle, idleLater }.Select(id => Pseudonym(host, id)).Order(), events.Select(static e => e.Properties["patient_id"]).Order());
        var dossier = events.Single(e => e.Properties["patient_id"] == Pseudonym(host, idleLater));
        Assert.Equal(("dossier_completed", Milliseconds(TimeSpan.FromDays(31)), Milliseconds(TimeSpan.FromDays(30))),
            (dossier.Properties["last_state"], dossier.Properties["inactive_for_ms"], dossier.Properties["threshold_ms"]));
        Assert.Equal("dossier_completed>abandoned:scheduled_job", Transitions(host, idleLater)[^1]);
        Assert.Equal(0, await steps.RunJobAsync("check-abandoned-journeys"));
        AssertHeartbeats(host, "check_abandoned_journeys", runs: 11, processed: 2);
        Assert.Equal("reflection_period", (await steps.As(waitingByLaw).GetAsync($"/patients/{waitingByLaw}", HttpStatusCode.OK)).Text("journeyState"));
        Assert.Equal("registered", (await steps.As(active).GetAsync($"/patients/{active}", HttpStatusCode.OK)).Text("journeyState"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BothJobs_ReportABatchPerCall_AndSayWhenMoreWait(string provider)
    {
        await using var host = await ApiHost.StartAsync(Enum.Parse<DatabaseProvider>(provider), kestrel: true, settings: new Dictionary<string, string?> { ["InternalJobs:BatchSize"] = "2" });
        var client = host.CreateClient();
        var steps = new PatientSteps(host, client);
        var ended = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ended.Add(await steps.InReflectionPeriodAsync());
        }

        host.Time.Advance(TimeSpan.FromDays(16));

        var calls = new List<(int Processed, bool More)>();
        do
        {
            var answer = await client.SendAsync(HttpMethod.Get, "/internal/check-reflection-period", null, HttpStatusCode.OK, new Dictionary<string, string> { ["X-Internal-Key"] = ApiHost.InternalKey });
            calls.Add((answer.GetProperty("processed").GetInt32(), answer.GetProperty("more").GetBoolean()));
        }
        while (calls[^1].More && calls.Count < 10);

        Assert.Equal([(2, true), (2, true), (1, false)], calls);
        Assert.Equal(ended.Select(id => Pseudonym(host, id)).Order(), host.Events.GetEvents("reflection_period_ended").Select(static e => e.Properties["patient_id"]).Order());
        host.Time.Advance(TimeSpan.FromDays(31));
        Assert.Equal(2, await steps.RunJobAsync("check-abandoned-journeys"));
        Assert.Equal(2, await steps.RunJobAsync("check-abandoned-journeys"));
        Assert.Equal(1, await steps.RunJobAsync("check-abandoned-journeys"));
        Assert.Equal(0, await steps.RunJobAsync("check-abandoned-journeys"));
        Assert.Equal(5, host.Events.GetEvents("patient_journey_abandoned").Count);
    }

    [Fact]
    public async Task BatchSizeOutOfRange_StopsTheStart()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["InternalJobs:BatchSize"] = "0" }));

        Assert.Contains("InternalJobs:BatchSize must be between 1 and 10000", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AbandonedJourneyJob_ConfiguredDelay_Applies()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["Journey:AbandonAfter"] = "7.00:00:00" });
        var steps = new PatientSteps(host, host.CreateClient());
        await steps.RegisterAsync();
        host.Time.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await steps.RunJobAsync("check-abandoned-journeys"));

        host.Time.Advance(TimeSpan.FromDays(2));

        Assert.Equal(1, await steps.RunJobAsync("check-abandoned-journeys"));
        Single(host, "patient_journey_abandoned", new Dictionary<string, string> { ["threshold_ms"] = Milliseconds(TimeSpan.FromDays(7)) });
    }

    // Every run that ends emits its heartbeat, the ones that found nothing included.
    private static void AssertHeartbeats(ApiHost host, string job, int runs, int processed)
    {
        var heartbeats = host.Events.GetEvents("internal_job_completed").Where(e => e.Properties["job"] == job).ToList();
        Assert.Equal(runs, heartbeats.Count);
        Assert.Equal(processed, heartbeats.Sum(static e => int.Parse(e.Properties["processed"], System.Globalization.CultureInfo.InvariantCulture)));
    }
}
