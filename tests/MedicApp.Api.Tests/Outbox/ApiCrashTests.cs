using System.Net;
using System.Text.Json.Nodes;
using MedicApp.Api.Data;
using MedicApp.Api.Features.InternalJobs;
using MedicApp.Api.Tests.Hosting;
using MedicApp.Telemetry;
using MedicApp.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace MedicApp.Api.Tests.Outbox;

/// <summary>
/// The API killed (SIGKILL) while Application Insights is down, after it answered requests whose events it could not
/// send, then started again without traffic: once the ingestion endpoint is back, every event of every request the API
/// answered with a 2xx arrives, on SQLite and PostgreSQL. The events were committed to the outbox with their changes,
/// and the restarted process's dispatcher sends what the dead one left there.
/// </summary>
public sealed class ApiCrashTests(ITestOutputHelper output)
{
    private const string PseudonymizationKey = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private const string InternalKey = "crash-test-internal-key-0123456789";
    private const int Patients = 5;

    private const string SurgeonLogin = "prac-0001@drill.medicapp.invalid";
    private const string SurgeonPassword = "the surgeon's password";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DeliveryDeadline = TimeSpan.FromSeconds(60);

    public static TheoryData<string> Providers => [nameof(DatabaseProvider.Sqlite), nameof(DatabaseProvider.PostgreSql)];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Api_KilledDuringAnIngestionOutageThenRestartedWithoutTraffic_DeliversEveryEventOfEveryAnsweredRequest(string provider)
    {
        using var ingestion = new IngestionServer { Answer = static _ => IngestionAnswer.Failed(503) };
        await using var database = await TestDatabase.CreateAsync(Enum.Parse<DatabaseProvider>(provider));
        var storage = Directory.CreateTempSubdirectory("medicapp-crash-test-").FullName;
        try
        {
            var environment = Environment(database, ingestion, storage);
            var expected = new HashSet<(string Name, string PatientId)>();
            await using (var crashing = await ApiProcess.StartAsync(environment, StartTimeout))
            {
                await AnswerRequestsAsync(crashing, expected);

                // Every answered request's events are committed and none is delivered: the process dies with all of them
                // unsent. Each registration also issued a session (auth_session_issued, by account rather than patient),
                // and the surgeon's login wrote its own four (login success, code sent, code accepted, session issued).
                Assert.Equal(expected.Count + Patients + 4, await database.CountRowsAsync(TelemetryOutboxModelBuilderExtensions.DefaultTableName));
                Assert.Empty(ingestion.CustomEvents);
                crashing.Kill();
            }

            await using var restarted = await ApiProcess.StartAsync(environment, StartTimeout);
            ingestion.Answer = IngestionAnswer.Accepted;
            await WaitForEachAsync(ingestion, expected, DeliveryDeadline);

            var received = ingestion.CustomEvents.Select(static e => (Key: KeyOf(e), EventId: PropertyOf(e, "event_id"))).Where(r => expected.Contains(r.Key)).ToList();
            var delivered = expected.Count(key => received.Exists(r => r.Key == key));
            var duplicated = received.Count - received.Select(static r => r.Key).Distinct().Count();
            var lost = expected.Count - delivered;
            var counts = $"{expected.Count} events of answered requests: delivered {delivered}, duplicated {duplicated}, lost {lost}";
            output.WriteLine(counts);
            Assert.True(lost == 0, $"{counts}. Lost: {string.Join(", ", expected.Where(key => !received.Exists(r => r.Key == key)))}.\nRestarted API:\n{restarted.Output}");

            // A copy, if any, is the same event sent again (at least once), never the change reported twice.
            Assert.All(received.GroupBy(static r => r.Key), copies => Assert.Single(copies.Select(static r => r.EventId).Distinct()));

            // Delivered events leave the outbox.
            await WaitForEmptyOutboxAsync(database, DeliveryDeadline);
        }
        finally
        {
            Directory.Delete(storage, recursive: true);
        }
    }

    // Registrations, a prescription for each patient, and one run of the abandoned-journeys job that reports them all:
    // the events of each 2xx answer are expected, by name and pseudonymized patient.
    private static async Task AnswerRequestsAsync(ApiProcess api, HashSet<(string Name, string PatientId)> expected)
    {
        var pseudonyms = new Pseudonymizer(Convert.FromBase64String(PseudonymizationKey), "k1");
        using var client = new HttpClient { BaseAddress = api.Address };
        using var surgeon = await SurgeonAsync(api);
        var patients = new List<string>();
        for (var i = 0; i < Patients; i++)
        {
            var patient = (await client.PostAsync("/patients", new { email = PatientSteps.NewEmail(), phone = "06 12 34 56 78", password = PatientSteps.Password, channel = "web" }, HttpStatusCode.Created)).Text("id");
            expected.Add(("patient_registered", pseudonyms.Pseudonymize(patient)));
            await surgeon.PostAsync("/prescriptions", new { patientId = patient, practitionerId = "prac-0001", stage = "pre_operative", items = new[] { new { medication = "Paracétamol 1 g", dosage = "1 comprimé 3 fois par jour" } } }, HttpStatusCode.Created);
            expected.Add(("prescription_generated", pseudonyms.Pseudonymize(patient)));
            patients.Add(patient);
        }

        var job = await client.SendAsync(HttpMethod.Get, $"/internal/{AbandonedJourneyJob.Name}", null, HttpStatusCode.OK, new Dictionary<string, string> { [InternalJobKeyFilter.HeaderName] = InternalKey });
        Assert.Equal(Patients, job.GetProperty("processed").GetInt32());
        foreach (var patient in patients)
        {
            expected.Add(("patient_journey_abandoned", pseudonyms.Pseudonymize(patient)));
            expected.Add(("patient_journey_transition", pseudonyms.Pseudonymize(patient)));
        }
    }

    // The surgeon logs in as staff do; their code goes to the drill's mailbox, which the internal key reads.
    private static async Task<HttpClient> SurgeonAsync(ApiProcess api)
    {
        using var client = new HttpClient { BaseAddress = api.Address };
        var key = new Dictionary<string, string> { [InternalJobKeyFilter.HeaderName] = InternalKey };
        var challenge = await client.PostAsync("/auth/login", new { login = SurgeonLogin, password = SurgeonPassword }, HttpStatusCode.OK);
        var code = (await client.SendAsync(HttpMethod.Get, $"/internal/drill/messages?recipient={Uri.EscapeDataString(SurgeonLogin)}", null, HttpStatusCode.OK, key)).Text("mfa_code");
        var signedIn = await client.PostAsync("/auth/mfa", new { challengeId = challenge.Text("challengeId"), code }, HttpStatusCode.OK);
        var surgeon = new HttpClient { BaseAddress = api.Address };
        surgeon.DefaultRequestHeaders.Authorization = new("Bearer", signedIn.GetProperty("session").Text("accessToken"));
        return surgeon;
    }

    private static Dictionary<string, string> Environment(TestDatabase database, IngestionServer ingestion, string storage) => new()
    {
        ["ConnectionStrings__MedicApp"] = database.ConnectionString,
        ["MedicAppTelemetry__ApplicationInsights__ConnectionString"] = ingestion.ConnectionString,
        ["MedicAppTelemetry__ApplicationInsights__StorageDirectory"] = storage,
        ["MedicAppTelemetry__Pseudonymization__Key"] = PseudonymizationKey,
        ["APPLICATIONINSIGHTS_STATSBEAT_DISABLED"] = "true",
        ["ApplicationInsights__EnableQuickPulseMetricStream"] = "false",
        [InternalJobKeyFilter.VariableName] = InternalKey,
        ["Drill__Enabled"] = "true",
        ["Staff__Accounts__0__Login"] = SurgeonLogin,
        ["Staff__Accounts__0__Password"] = SurgeonPassword,
        ["Staff__Accounts__0__Role"] = "Practitioner",
        ["Staff__Accounts__0__PractitionerId"] = "prac-0001",

        // Every journey is idle at once: one job run reports every patient registered before it.
        ["Journey__AbandonAfter"] = "00:00:00",

        // Short claims, polls and retries keep the test short: a dead process's events are free to send 5 seconds
        // after it claimed them, and the restarted one tries again at most 5 seconds after a failure.
        ["MedicAppTelemetry__Outbox__ClaimDuration"] = "00:00:05",
        ["MedicAppTelemetry__Outbox__PollInterval"] = "00:00:01",
        ["MedicAppTelemetry__Outbox__MaxRetryDelay"] = "00:00:05",
    };

    // Waits for one copy of each expected event, all within one deadline; what is missing then is counted as lost.
    private static async Task WaitForEachAsync(IngestionServer ingestion, HashSet<(string Name, string PatientId)> expected, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        foreach (var key in expected)
        {
            var left = until - DateTime.UtcNow;
            try
            {
                await ingestion.WaitForAsync(e => IngestionServer.IsCustomEvent(e) && KeyOf(e) == key, 1, left > TimeSpan.Zero ? left : TimeSpan.Zero);
            }
            catch (TimeoutException)
            {
                return;
            }
        }
    }

    private static async Task WaitForEmptyOutboxAsync(TestDatabase database, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        long left;
        while ((left = await database.CountRowsAsync(TelemetryOutboxModelBuilderExtensions.DefaultTableName)) > 0)
        {
            Assert.True(DateTime.UtcNow < until, $"{left} events still in the outbox {deadline} after they were delivered.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    private static (string Name, string PatientId) KeyOf(JsonObject envelope)
        => ((string?)envelope["data"]?["baseData"]?["name"] ?? "", PropertyOf(envelope, "patient_id"));

    private static string PropertyOf(JsonObject envelope, string name) => (string?)envelope["data"]?["baseData"]?["properties"]?[name] ?? "";
}
