using System.Net;
using System.Net.Http.Json;
using MedicApp.Api.Data;
using MedicApp.Api.Features.Patients;
using MedicApp.Api.Infrastructure;
using MedicApp.Api.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using static MedicApp.Api.Tests.Hosting.EventAssert;

namespace MedicApp.Api.Tests.Concurrency;

/// <summary>
/// Twenty identical requests at once, as a double click or a client's retries send them: one state change, one answer
/// that says so, one event and one journey transition; every other request gets what a request sent just after would.
/// </summary>
public abstract class RaceTests : ApiTest
{
    private const int Racers = 20;

    public sealed class OnSqlite : RaceTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class OnPostgreSql : RaceTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    }

    [Fact]
    public async Task Registration_OneEmailTwentyTimes_RegistersOnce()
    {
        var form = new { email = PatientSteps.NewEmail(), phone = "06 12 34 56 78", password = PatientSteps.Password, channel = "web" };

        var answers = await RaceAsync(client => client.PostAsJsonAsync("/patients", form));

        AssertOneWinner(answers, HttpStatusCode.Created, HttpStatusCode.Conflict);
        Assert.Single(Host.Events.GetEvents("patient_registered"));
        Assert.Equal(1, await Host.CountAsync<Patient>());
    }

    [Fact]
    public async Task MedicalFile_TwentyTimes_CompletesOnce()
    {
        var (id, email) = await Steps.RegisterAsync();
        await Steps.VerifyEmailAsync(id, email);
        await Steps.VerifyPhoneAsync(id);

        var answers = await RaceAsync(
            client => client.PutAsJsonAsync($"/patients/{id}/medical-file", new { medicalHistory = "Appendicectomie", allergies = "Aucune", currentTreatments = "Aucun", documentsUploaded = 1 }),
            session: Steps.As(id));

        AssertOneWinner(answers, HttpStatusCode.OK, HttpStatusCode.Conflict);
        Assert.Single(Host.Events.GetEvents("patient_dossier_completed"));
        Assert.Equal(["registered>dossier_completed:patient_action", "dossier_completed>contact_verified:patient_action"], Transitions(Host, id));
    }

    [Fact]
    public async Task EmailVerification_RightTokenTwentyTimes_VerifiesOnce()
    {
        var (id, email) = await Steps.RegisterAsync();
        var token = Host.Outbox.LastSecret(email, MessagePurpose.EmailVerification);

        var answers = await RaceAsync(client => client.PostAsJsonAsync($"/patients/{id}/email-verification", new { secret = token }));

        AssertOneWinner(answers, HttpStatusCode.OK, HttpStatusCode.Conflict);
        Assert.Single(Host.Events.GetEvents("patient_email_verified"));
    }

    [Fact]
    public async Task PhoneVerification_RightCodeTwentyTimes_VerifiesOnce()
    {
        var (id, _) = await Steps.RegisterAsync();
        var code = Host.Outbox.LastSecret("+33612345678", MessagePurpose.PhoneVerification);

        var answers = await RaceAsync(client => client.PostAsJsonAsync($"/patients/{id}/phone-verification", new { secret = code }));

        AssertOneWinner(answers, HttpStatusCode.OK, HttpStatusCode.Conflict);
        Assert.Single(Host.Events.GetEvents("patient_phone_verified"));
    }

    [Fact]
    public async Task Booking_OneSlotTwentyTimes_BooksOnce()
    {
        var (id, _) = await Steps.RegisterAsync();
        var slot = Steps.Slot(3);

        var answers = await RaceAsync(client => client.PostAsJsonAsync("/appointments", new { patientId = id, practitionerId = "prac-0001", kind = "consultation", startsAt = slot }), session: Steps.As(id));

        AssertOneWinner(answers, HttpStatusCode.Created, HttpStatusCode.Conflict);
        Assert.Single(Host.Events.GetEvents("appointment_booked"));
    }

    [Fact]
    public async Task Cancellation_TwentyTimes_CancelsOnce()
    {
        var (id, _) = await Steps.RegisterAsync();
        var appointment = await Steps.As(id).PostAsync("/appointments", new { patientId = id, practitionerId = "prac-0001", kind = "consultation", startsAt = Steps.Slot(3) }, HttpStatusCode.Created);

        var answers = await RaceAsync(client => client.PostAsJsonAsync($"/appointments/{appointment.Text("id")}/cancellation", new { cancelledBy = "patient", reason = "other" }), session: Steps.As(id));

        AssertOneWinner(answers, HttpStatusCode.OK, HttpStatusCode.Conflict);
        Assert.Single(Host.Events.GetEvents("appointment_cancelled"));
    }

    [Fact]
    public async Task Mfa_RightCodeTwentyTimes_SignsInOnce()
    {
        var (_, email) = await Steps.ReadyToSignAsync();
        var challenge = (await Client.PostAsync("/auth/login", new { login = email, password = PatientSteps.Password }, HttpStatusCode.OK)).Text("challengeId");
        var code = Host.Outbox.LastSecret("+33612345678", MessagePurpose.MfaCode);

        var answers = await RaceAsync(client => client.PostAsJsonAsync("/auth/mfa", new { challengeId = challenge, code }));

        AssertOneWinner(answers, HttpStatusCode.OK, HttpStatusCode.Unauthorized);
        Assert.Single(Host.Events.GetEvents("auth_mfa_success"));
    }

    [Fact]
    public async Task YousignWebhook_DoneTwentyTimes_EndsTheSignatureOnce()
    {
        var (id, _) = await Steps.ReadyToSignAsync();
        var request = await Steps.As(id).PostAsync($"/patients/{id}/signatures/yousign", new { document = "consent" }, HttpStatusCode.Created);

        await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => Steps.WebhookAsync("signature_request.done", request.Text("externalId"), HttpStatusCode.OK)));

        Assert.Single(Host.Events.GetEvents("signature_yousign_completed"));
    }

    [Fact]
    public async Task YousignSignature_OneDocumentTwentyTimes_StartsOnce()
    {
        var (id, _) = await Steps.ReadyToSignAsync();

        var answers = await RaceAsync(client => client.PostAsJsonAsync($"/patients/{id}/signatures/yousign", new { document = "consent" }), session: Steps.As(id));

        AssertOneWinner(answers, HttpStatusCode.Created, HttpStatusCode.Conflict);
        Assert.Single(Host.Events.GetEvents("signature_yousign_initiated"));
        Assert.Single(Transitions(Host, id), static t => t.StartsWith("contact_verified>signatures_pending", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClinicSignature_SecondDocumentTwentyTimes_StartsOnce()
    {
        var (id, _) = await Steps.ReadyToSignAsync();
        await (await Steps.StaffAsync()).PostAsync($"/patients/{id}/signatures/clinic", new { document = "consent", clinicId = "clinic-paris-8", practitionerId = "prac-0001" }, HttpStatusCode.Created);

        // The journey no longer moves: only the patient's version orders the two decisions.
        var answers = await RaceAsync(client => client.PostAsJsonAsync($"/patients/{id}/signatures/clinic", new { document = "quote", clinicId = "clinic-paris-8", practitionerId = "prac-0001" }), session: await Steps.StaffAsync());

        AssertOneWinner(answers, HttpStatusCode.Created, HttpStatusCode.Conflict);
        Assert.Single(Host.Events.GetEvents("signature_cabinet_initiated"), static e => e.Properties["document"] == "quote");
    }

    [Fact]
    public async Task ClinicCompletion_TwentyTimes_EndsOnce()
    {
        var (id, _) = await Steps.ReadyToSignAsync();
        var signature = await (await Steps.StaffAsync()).PostAsync($"/patients/{id}/signatures/clinic", new { document = "consent", clinicId = "clinic-paris-8", practitionerId = "prac-0001" }, HttpStatusCode.Created);

        var answers = await RaceAsync(client => client.PostAsJsonAsync($"/signatures/{signature.Text("id")}/clinic-completion", new { outcome = "signed" }), session: await Steps.StaffAsync());

        AssertOneWinner(answers, HttpStatusCode.OK, HttpStatusCode.Conflict);
        Assert.Single(Host.Events.GetEvents("signature_cabinet_completed"));
    }

    [Fact]
    public async Task JourneyCompletion_TwentyTimes_CompletesOnce()
    {
        var id = await Steps.InReflectionPeriodAsync();
        Host.Time.Advance(TimeSpan.FromDays(15));
        await Steps.RunJobAsync("check-reflection-period");
        await Steps.As(id).PostAsync("/appointments", new { patientId = id, practitionerId = "prac-0001", kind = "procedure", startsAt = Steps.Slot(days: 2) }, HttpStatusCode.Created);
        Host.Time.Advance(TimeSpan.FromDays(4));

        var answers = await RaceAsync(client => client.PostAsync($"/patients/{id}/journey/completion", null), session: await Steps.StaffAsync());

        AssertOneWinner(answers, HttpStatusCode.OK, HttpStatusCode.Conflict);
        Assert.Single(Transitions(Host, id), static t => t.StartsWith("appointment_booked>completed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PrescriptionDownload_TwentyAtOnce_CountsEachOnce()
    {
        var (id, _) = await Steps.RegisterAsync();
        var prescription = await (await Steps.SurgeonAsync()).PostAsync("/prescriptions", new { patientId = id, practitionerId = "prac-0001", stage = "pre_operative", items = new[] { new { medication = "Paracétamol 1 g", dosage = "1 comprimé 3 fois par jour" } } }, HttpStatusCode.Created);
        var prescriptionId = Guid.Parse(prescription.Text("id"));

        // A download is not a one-time change: each one counts, none overwrites another's count.
        var answers = await RaceAsync(client => client.GetAsync($"/prescriptions/{prescriptionId}/document?downloadedBy=patient"), session: Steps.As(id));

        Assert.All(answers, static s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(Racers, Host.Events.GetEvents("prescription_downloaded").Count);
        Assert.Equal(Racers, await Host.WithDbAsync(db => db.Prescriptions.Where(p => p.Id == prescriptionId).Select(static p => p.DownloadCount).SingleAsync()));
    }

    [Theory]
    [InlineData("check-reflection-period", "reflection_period_ended")]
    [InlineData("check-abandoned-journeys", "patient_journey_abandoned")]
    public async Task Job_TwentyRunsAtOnce_ReportEachPatientOnce(string job, string eventName)
    {
        var patient = job == "check-reflection-period" ? await Steps.InReflectionPeriodAsync() : (await Steps.RegisterAsync()).Id;
        Host.Time.Advance(TimeSpan.FromDays(31));

        var processed = await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => Steps.RunJobAsync(job)));

        Assert.Equal(1, processed.Sum());
        Single(Host, eventName, new Dictionary<string, string> { ["patient_id"] = Pseudonym(Host, patient) });
        Assert.Single(Transitions(Host, patient), static t => t.EndsWith(":scheduled_job", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PhoneVerification_ThirtyWrongCodesAtOnce_ChecksFive()
    {
        var (id, _) = await Steps.RegisterAsync();

        var answers = await RaceAsync(client => client.PostAsJsonAsync($"/patients/{id}/phone-verification", new { secret = "000000x" }), 30);

        Assert.Equal(5, answers.Count(static s => s == HttpStatusCode.BadRequest));
        Assert.Equal(25, answers.Count(static s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(5, (await PatientAsync(id)).PhoneCodesEntered);

        // The right code comes too late: the limit holds for it as well.
        await Client.PostAsync($"/patients/{id}/phone-verification", new { secret = Host.Outbox.LastSecret("+33612345678", MessagePurpose.PhoneVerification) }, HttpStatusCode.TooManyRequests);
        Assert.Empty(Host.Events.GetEvents("patient_phone_verified"));
    }

    [Fact]
    public async Task EmailVerification_ThirtyWrongTokensAtOnce_ChecksFive()
    {
        var (id, email) = await Steps.RegisterAsync();

        var answers = await RaceAsync(client => client.PostAsJsonAsync($"/patients/{id}/email-verification", new { secret = "not the token" }), 30);

        Assert.Equal(5, answers.Count(static s => s == HttpStatusCode.BadRequest));
        Assert.Equal(25, answers.Count(static s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(5, (await PatientAsync(id)).EmailTokensEntered);
        await Client.PostAsync($"/patients/{id}/email-verification", new { secret = Host.Outbox.LastSecret(email, MessagePurpose.EmailVerification) }, HttpStatusCode.TooManyRequests);

        // A new link starts a new count.
        await Client.PostAsync($"/patients/{id}/email-verification/resend", null, HttpStatusCode.Accepted);
        await Steps.VerifyEmailAsync(id, email);
    }

    [Fact]
    public async Task Mfa_ThirtyWrongCodesAtOnce_ChecksFiveAndLocksOnce()
    {
        var (_, email) = await Steps.ReadyToSignAsync();
        var challenge = (await Client.PostAsync("/auth/login", new { login = email, password = PatientSteps.Password }, HttpStatusCode.OK)).Text("challengeId");
        var code = Host.Outbox.LastSecret("+33612345678", MessagePurpose.MfaCode);
        var wrong = code == "000000" ? "000001" : "000000";

        var answers = await RaceAsync(client => client.PostAsJsonAsync("/auth/mfa", new { challengeId = challenge, code = wrong }), 30);

        Assert.Equal(5, Host.Events.GetEvents("auth_mfa_failure").Count);
        Single(Host, "auth_account_locked", new Dictionary<string, string> { ["trigger"] = "mfa_failures", ["failed_attempts"] = "5" });
        Assert.DoesNotContain(HttpStatusCode.OK, answers);
        await Client.PostAsync("/auth/mfa", new { challengeId = challenge, code }, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_ThirtyWrongPasswordsAtOnce_ChecksFiveAndLocksOnce()
    {
        var (_, email) = await Steps.ReadyToSignAsync();

        var answers = await RaceAsync(client => client.PostAsJsonAsync("/auth/login", new { login = email, password = "a wrong password" }), 30);

        Assert.Equal(4, answers.Count(static s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(26, answers.Count(static s => s == HttpStatusCode.Locked));
        Assert.Equal(5, Host.Events.GetEvents("auth_login_failure").Count(static e => e.Properties["reason"] == "invalid_password"));
        Single(Host, "auth_account_locked", new Dictionary<string, string> { ["trigger"] = "password_failures", ["failed_attempts"] = "5" });
        await Client.PostAsync("/auth/login", new { login = email, password = PatientSteps.Password }, HttpStatusCode.Locked);
    }

    private static void AssertOneWinner(HttpStatusCode[] answers, HttpStatusCode won, HttpStatusCode lost)
    {
        Assert.Equal(1, answers.Count(s => s == won));
        Assert.Equal(answers.Length - 1, answers.Count(s => s == lost));
    }

    private async Task<HttpStatusCode[]> RaceAsync(Func<HttpClient, Task<HttpResponseMessage>> send, int racers = Racers, HttpClient? session = null)
    {
        // Each racer has its own client, and all of them wait for the same start.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = Enumerable.Range(0, racers).Select(async _ =>
        {
            using var client = Host.CreateClient();
            client.DefaultRequestHeaders.Authorization = session?.DefaultRequestHeaders.Authorization;
            await start.Task;
            using var response = await send(client);
            return response.StatusCode;
        }).ToList();
        start.SetResult();
        return await Task.WhenAll(racing);
    }

    private Task<Patient> PatientAsync(string id)
        => Host.WithDbAsync(db => db.Patients.AsNoTracking().SingleAsync(p => p.Id == Guid.Parse(id)));
}
