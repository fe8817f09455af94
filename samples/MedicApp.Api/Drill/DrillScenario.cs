using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using MedicApp.Api.Features.Drill;
using MedicApp.Api.Features.InternalJobs;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Drill;

/// <summary>
/// Raises each alert of the monitoring once, on a deployed API, over HTTP only: two drill patients (contacts that reach
/// nobody) through registration, verification, every signature, a brute-force wave and both jobs, and a burst of
/// server errors. Returns the alerts to expect, with when their mails are due.
/// </summary>
internal sealed class DrillScenario(DrillClient client, TimeProvider time, TextWriter output)
{
    // How long an event takes to be queryable in Application Insights, added to each rule's frequency.
    private static readonly TimeSpan Ingestion = TimeSpan.FromMinutes(5);

    public const int BruteForceAttempts = 25;
    public const int Faults = 25;

    private readonly List<DrillExpectation> _expected = [];
    private readonly string _password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));

    public async Task<IReadOnlyList<DrillExpectation>> RunAsync()
    {
        Step("The drill endpoints are open and take the key");
        await client.GetAsync($"/internal/drill/messages?recipient=probe%40{DrillContacts.EmailDomain}", HttpStatusCode.OK);

        Step("A drill patient registers, verifies email and phone, and completes the medical file");
        var (first, email, phone, patient) = await RegisterAsync();
        Expect("MedicApp - ALERT-01 Nouvelle inscription", "two drill patients registered (channel web)", TimeSpan.FromMinutes(15));
        var secrets = await client.GetAsync($"/internal/drill/messages?recipient={Uri.EscapeDataString(phone)}", HttpStatusCode.OK);
        await client.PostAsync($"/patients/{first}/phone-verification", new { secret = secrets.GetProperty("phone_verification").GetString() }, HttpStatusCode.OK);
        secrets = await client.GetAsync($"/internal/drill/messages?recipient={Uri.EscapeDataString(email)}", HttpStatusCode.OK);
        await client.PostAsync($"/patients/{first}/email-verification", new { secret = secrets.GetProperty("email_verification").GetString() }, HttpStatusCode.OK);
        await patient.PutAsync($"/patients/{first}/medical-file", new { medicalHistory = "Dossier d'exercice", allergies = "Aucune", currentTreatments = "Aucun", documentsUploaded = 0 }, HttpStatusCode.OK);

        Step("The drill's clinic desk logs in, and the patient signs every required document at the clinic");
        await SignEverythingAsync(first, await DeskAsync());
        Expect("MedicApp - ALERT-02 Signatures completes", "every document of the first drill patient signed", TimeSpan.FromMinutes(15));

        Step("A second drill patient registers and goes no further; someone tries passwords on their account");
        var (second, secondEmail, _, _) = await RegisterAsync();
        for (var attempt = 0; attempt < BruteForceAttempts; attempt++)
        {
            await client.PostAsync("/auth/login", new { login = secondEmail, password = $"drill guess {attempt}" }, HttpStatusCode.Unauthorized, HttpStatusCode.Locked);
        }

        Expect("MedicApp - ALERT-05 Brute-force compte", $"{BruteForceAttempts} wrong passwords on one drill account", TimeSpan.FromMinutes(5));
        Expect("MedicApp - ALERT-05 Brute-force adresse IP", $"{BruteForceAttempts} wrong passwords from this machine's address", TimeSpan.FromMinutes(5));

        Step("A burst of server errors through the fault endpoint");
        for (var fault = 0; fault < Faults; fault++)
        {
            await client.PostAsync("/internal/drill/fault", null, HttpStatusCode.InternalServerError);
        }

        Expect("MedicApp - ALERT-04 Taux erreur anormal", $"{Faults} answers 500", TimeSpan.FromMinutes(5));
        Expect("MedicApp - Erreurs 5xx", $"{Faults} answers 500 (App Service Http5xx)", TimeSpan.FromMinutes(5));
        Expect("MedicApp - Exceptions backend", $"{Faults} unhandled exceptions", TimeSpan.FromMinutes(5));

        Step("The first patient's reflection period is moved into the past, and its job runs");
        await client.PostAsync($"/internal/drill/patients/{first}/backdate", null, HttpStatusCode.OK);
        await RunJobAsync(ReflectionPeriodJob.Name);
        Expect("MedicApp - ALERT-03 Fin delai de reflexion", "the first drill patient's reflection period reported over", TimeSpan.FromHours(1));

        Step("The second patient's journey is moved into the past, and the abandoned-journeys job runs");
        await client.PostAsync($"/internal/drill/patients/{second}/backdate", null, HttpStatusCode.OK);
        await RunJobAsync(AbandonedJourneyJob.Name);
        Expect("MedicApp - ALERT-06 Parcours abandonne", "the second drill patient's journey reported abandoned", TimeSpan.FromMinutes(15));
        return _expected;
    }

    // A drill patient, with the session their registration issued.
    private async Task<(string Id, string Email, string Phone, DrillClient Session)> RegisterAsync()
    {
        var email = $"drill-{Guid.NewGuid():N}@{DrillContacts.EmailDomain}";
        var phone = DrillContacts.PhonePrefix + RandomNumberGenerator.GetInt32(10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        var patient = await client.PostAsync("/patients", new { email, phone, password = _password, channel = "web", locale = "fr-FR" }, HttpStatusCode.Created);
        return (patient.GetProperty("id").GetString()!, email, phone, client.As(patient.GetProperty("session").GetProperty("accessToken").GetString()!));
    }

    // The drill's desk account gets a new password for this drill, and logs in as staff do: its code reaches the mailbox.
    private async Task<DrillClient> DeskAsync()
    {
        var desk = await client.PostAsync("/internal/drill/staff", null, HttpStatusCode.OK);
        var login = desk.GetProperty("login").GetString()!;
        var challenge = await client.PostAsync("/auth/login", new { login, password = desk.GetProperty("password").GetString() }, HttpStatusCode.OK);
        var code = (await client.GetAsync($"/internal/drill/messages?recipient={Uri.EscapeDataString(login)}", HttpStatusCode.OK)).GetProperty("mfa_code").GetString();
        var signedIn = await client.PostAsync("/auth/mfa", new { challengeId = challenge.GetProperty("challengeId").GetString(), code }, HttpStatusCode.OK);
        return client.As(signedIn.GetProperty("session").GetProperty("accessToken").GetString()!);
    }

    // The API knows which documents it requires: sign them one by one until the journey enters its reflection period.
    private static async Task SignEverythingAsync(string patient, DrillClient desk)
    {
        foreach (var document in Enum.GetValues<SignatureDocument>().Select(static d => JsonNamingPolicy.SnakeCaseLower.ConvertName(d.ToString())))
        {
            var started = await desk.PostAsync($"/patients/{patient}/signatures/clinic", new { document, clinicId = "clinic-paris-8", practitionerId = "prac-0001" }, HttpStatusCode.Created);
            await desk.PostAsync($"/signatures/{started.GetProperty("id").GetString()}/clinic-completion", new { outcome = "signed" }, HttpStatusCode.OK);
            var state = await desk.GetAsync($"/patients/{patient}", HttpStatusCode.OK);
            if (state.GetProperty("journeyState").GetString() == "reflection_period")
            {
                return;
            }
        }

        throw new DrillException("Every document is signed, yet the journey did not enter its reflection period.");
    }

    private async Task RunJobAsync(string job)
    {
        JsonElement answer;
        var calls = 0;
        do
        {
            answer = await client.GetAsync($"/internal/{job}", HttpStatusCode.OK);
        }
        while (answer.GetProperty("more").GetBoolean() && ++calls < 50);
    }

    private void Expect(string alert, string cause, TimeSpan frequency)
    {
        var now = time.GetUtcNow();
        _expected.Add(new DrillExpectation(alert, cause, now, now + frequency + Ingestion));
    }

    private void Step(string text) => output.WriteLine($"{Environment.NewLine}▶ {text}");
}
