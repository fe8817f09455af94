using System.Net;
using MedicApp.Api.Data;
using MedicApp.Api.Features.Patients;
using MedicApp.Api.Tests.Hosting;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;
using Microsoft.EntityFrameworkCore;
using static MedicApp.Api.Tests.Hosting.EventAssert;

namespace MedicApp.Api.Tests.Outbox;

/// <summary>
/// A state change and the events that report it are committed together, on SQLite and PostgreSQL: when the database
/// fails to write the events, after the change was made in the same transaction, neither is kept, nothing is sent,
/// and the next attempt reports the change once.
/// </summary>
public sealed class OutboxWriteFailureTests
{
    public static TheoryData<string> Providers => [nameof(DatabaseProvider.Sqlite), nameof(DatabaseProvider.PostgreSql)];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReflectionPeriodJob_OutboxWriteFailsAfterTheClaim_LeavesThePatientToTheNextRun(string provider)
    {
        var failure = new OutboxWriteFailure();
        await using var host = await ApiHost.StartAsync(Enum.Parse<DatabaseProvider>(provider), services: failure.AddTo);
        var steps = new PatientSteps(host, host.CreateClient());
        var patient = await steps.InReflectionPeriodAsync();
        host.Time.Advance(TimeSpan.FromDays(15) + TimeSpan.FromHours(1));

        await RunFailingAsync(host, steps, failure, "check-reflection-period");

        var unclaimed = await PatientAsync(host, patient);
        Assert.Equal(JourneyState.ReflectionPeriod, unclaimed.JourneyState);
        Assert.Null(unclaimed.ReflectionEndReportedAt);
        host.Events.AssertNone("reflection_period_ended");
        Assert.Equal("signed>reflection_period:signature_webhook", Transitions(host, patient)[^1]);

        Assert.Equal(1, await steps.RunJobAsync("check-reflection-period"));
        Assert.Equal(0, await steps.RunJobAsync("check-reflection-period"));

        Single(host, "reflection_period_ended", new Dictionary<string, string> { ["patient_id"] = Pseudonym(host, patient) });
        Assert.Equal("reflection_period>ready_for_procedure:scheduled_job", Transitions(host, patient)[^1]);
        Assert.Equal(JourneyState.ReadyForProcedure, (await PatientAsync(host, patient)).JourneyState);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AbandonedJourneyJob_OutboxWriteFailsAfterTheClaim_LeavesThePatientToTheNextRun(string provider)
    {
        var failure = new OutboxWriteFailure();
        await using var host = await ApiHost.StartAsync(Enum.Parse<DatabaseProvider>(provider), services: failure.AddTo);
        var steps = new PatientSteps(host, host.CreateClient());
        var patient = (await steps.RegisterAsync()).Id;
        host.Time.Advance(TimeSpan.FromDays(31));

        await RunFailingAsync(host, steps, failure, "check-abandoned-journeys");

        var unclaimed = await PatientAsync(host, patient);
        Assert.Equal(JourneyState.Registered, unclaimed.JourneyState);
        Assert.Null(unclaimed.AbandonReportedAt);
        host.Events.AssertNone("patient_journey_abandoned");
        Assert.Empty(Transitions(host, patient));

        Assert.Equal(1, await steps.RunJobAsync("check-abandoned-journeys"));
        Assert.Equal(0, await steps.RunJobAsync("check-abandoned-journeys"));

        Single(host, "patient_journey_abandoned", new Dictionary<string, string> { ["patient_id"] = Pseudonym(host, patient), ["last_state"] = "registered" });
        Assert.Equal(["registered>abandoned:scheduled_job"], Transitions(host, patient));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Register_OutboxWriteFails_KeepsNeitherThePatientNorItsEvent(string provider)
    {
        var failure = new OutboxWriteFailure();
        await using var host = await ApiHost.StartAsync(Enum.Parse<DatabaseProvider>(provider), services: failure.AddTo);
        var client = host.CreateClient();
        var email = PatientSteps.NewEmail();
        var form = new { email, phone = "06 12 34 56 78", password = PatientSteps.Password, channel = "web" };

        failure.Armed = true;
        await client.PostAsync("/patients", form, HttpStatusCode.InternalServerError);

        Assert.Equal(1, failure.Failures);
        Assert.Equal(0, await host.CountAsync<Patient>());
        host.Events.AssertNone("patient_registered");

        failure.Armed = false;
        var patient = await client.PostAsync("/patients", form, HttpStatusCode.Created);
        Single(host, "patient_registered", new Dictionary<string, string> { ["patient_id"] = Pseudonym(host, patient.Text("id")) });
    }

    // Runs the job once while the outbox fails. Its events are written only after its claim has changed a patient, so the
    // one write that failed came after the claim; the run fails and leaves no event behind. Rows of earlier steps may
    // still be in the outbox, delivered and waiting for their batched delete, so the check is on rows the run added.
    private static async Task RunFailingAsync(ApiHost host, PatientSteps steps, OutboxWriteFailure failure, string job)
    {
        var before = await OutboxIdsAsync(host);
        failure.Armed = true;
        await steps.RunJobAsync(job, HttpStatusCode.InternalServerError);
        failure.Armed = false;
        Assert.Equal(1, failure.Failures);
        Assert.Empty((await OutboxIdsAsync(host)).Except(before));

        // A database failure nobody handles is logged as an error, once, by the exception handler.
        Assert.Single(host.ErrorLogs, static e => e.Category.EndsWith("ExceptionHandlerMiddleware", StringComparison.Ordinal));
    }

    private static Task<List<Guid>> OutboxIdsAsync(ApiHost host)
        => host.WithDbAsync(db => db.Set<OutboxEvent>().AsNoTracking().Select(e => e.Id).ToListAsync());

    private static Task<Patient> PatientAsync(ApiHost host, string id)
        => host.WithDbAsync(db => db.Patients.AsNoTracking().SingleAsync(p => p.Id == Guid.Parse(id)));
}
