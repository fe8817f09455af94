using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MedicApp.Api.Features.Appointments;
using MedicApp.Api.Features.InternalJobs;
using MedicApp.Api.Features.Signatures;
using MedicApp.Api.Infrastructure;
using MedicApp.Telemetry;

namespace MedicApp.Api.Demo;

/// <summary>Three patients through every flow, failures included, over HTTP as a client would.</summary>
internal sealed class DemoScenario(HttpClient http, IServiceProvider services, DemoClock clock, string internalKey, string webhookSecret, string staffPassword, TextWriter output)
{
    /// <summary>The demo's clinic desk, at clinic-paris-8.</summary>
    public const string Desk = "accueil@clinic-paris-8.example.fr";

    /// <summary>The demo's surgeon, prac-0001.</summary>
    public const string Surgeon = "prac-0001@clinic-paris-8.example.fr";

    private const string Password = "correct horse battery staple";
    private readonly Dictionary<string, string> _sessions = [];
    private readonly DevelopmentOutbox _outbox = services.GetRequiredService<DevelopmentOutbox>();

    public async Task RunAsync()
    {
        Step("Alice registers on the web, verifies her phone (second try) and email, and completes her medical file");
        var alice = await RegisterAsync("alice@example.fr", "06 12 34 56 78");
        var asAlice = _sessions[alice];
        await PostAsync($"/patients/{alice}/phone-verification", new { secret = "000000" == _outbox.LastSecret("+33612345678", MessagePurpose.PhoneVerification) ? "111111" : "000000" }, HttpStatusCode.BadRequest);
        await PostAsync($"/patients/{alice}/phone-verification", new { secret = _outbox.LastSecret("+33612345678", MessagePurpose.PhoneVerification) }, HttpStatusCode.OK);
        await PostAsync($"/patients/{alice}/email-verification", new { secret = _outbox.LastSecret("alice@example.fr", MessagePurpose.EmailVerification) }, HttpStatusCode.OK);
        await SendAsync(HttpMethod.Put, $"/patients/{alice}/medical-file", new { medicalHistory = "Appendicectomie en 2012", allergies = "Pénicilline", currentTreatments = "Aucun", documentsUploaded = 2 }, HttpStatusCode.OK, asAlice);

        Step("Alice logs in: a wrong password, then the right one and her SMS code (a wrong one first)");
        await PostAsync("/auth/login", new { login = "alice@example.fr", password = "not her password" }, HttpStatusCode.Unauthorized);
        var challenge = await PostAsync("/auth/login", new { login = "alice@example.fr", password = Password }, HttpStatusCode.OK);
        var challengeId = challenge.GetProperty("challengeId").GetString();
        var code = _outbox.LastSecret("+33612345678", MessagePurpose.MfaCode);
        await PostAsync("/auth/mfa", new { challengeId, code = code == "000000" ? "111111" : "000000" }, HttpStatusCode.Unauthorized);
        asAlice = (await PostAsync("/auth/mfa", new { challengeId, code }, HttpStatusCode.OK)).GetProperty("session").GetProperty("accessToken").GetString()!;

        Step("Someone tries passwords on Bob's account until it locks");
        var bob = await RegisterAsync("bob@example.fr", "07 98 76 54 32");

        Step("Bob, with his registration's session, tries to read Alice's record: it does not exist for him; without a session, nothing does");
        await GetAsync($"/patients/{alice}", HttpStatusCode.NotFound, _sessions[bob]);
        await GetAsync($"/patients/{alice}", HttpStatusCode.Unauthorized);
        await PostAsync($"/patients/{bob}/email-verification", new { secret = _outbox.LastSecret("bob@example.fr", MessagePurpose.EmailVerification) }, HttpStatusCode.OK);
        for (var attempt = 1; attempt < 5; attempt++)
        {
            await PostAsync("/auth/login", new { login = "bob@example.fr", password = $"guess number {attempt}" }, HttpStatusCode.Unauthorized);
        }

        await PostAsync("/auth/login", new { login = "bob@example.fr", password = "guess number 5" }, HttpStatusCode.Locked);

        Step("Support turns the pseudonym of Bob's events, as the alert shows it, back into his record to warn him");
        using (var lookup = new HttpRequestMessage(HttpMethod.Post, "/internal/lookup") { Content = JsonContent.Create(new { pseudonyms = new[] { services.GetRequiredService<Pseudonymizer>().Pseudonymize(bob) } }) })
        {
            lookup.Headers.Add(InternalJobKeyFilter.HeaderName, internalKey);
            var found = await ExpectAsync(lookup, HttpStatusCode.OK, "");
            output.WriteLine($"      {found.GetProperty("results")[0].GetProperty("kind").GetString()}, account locked until {found.GetProperty("results")[0].GetProperty("account").GetProperty("lockedUntil").GetString()}");
        }

        Step("Alice signs her consent and quote through Yousign (a forged webhook is refused), and her care contract at the clinic's desk");
        var consent = await PostAsync($"/patients/{alice}/signatures/yousign", new { document = "consent" }, HttpStatusCode.Created, asAlice);
        await WebhookAsync("signature_request.done", consent.GetProperty("externalId").GetString()!, forged: true, HttpStatusCode.Unauthorized);
        await WebhookAsync("signature_request.done", consent.GetProperty("externalId").GetString()!, forged: false, HttpStatusCode.OK);
        var quote = await PostAsync($"/patients/{alice}/signatures/yousign", new { document = "quote" }, HttpStatusCode.Created, asAlice);
        await WebhookAsync("signature_request.done", quote.GetProperty("externalId").GetString()!, forged: false, HttpStatusCode.OK);
        var desk = await StaffLoginAsync(Desk);
        var contract = await PostAsync($"/patients/{alice}/signatures/clinic", new { document = "care_contract", clinicId = "clinic-paris-8", practitionerId = "prac-0001" }, HttpStatusCode.Created, desk);
        await PostAsync($"/signatures/{contract.GetProperty("id").GetString()}/clinic-completion", new { outcome = "signed" }, HttpStatusCode.OK, desk);

        Step("Alice books a pre-operative consultation, then cancels it; a procedure cannot be booked during the reflection period");
        var consultation = await PostAsync("/appointments", new { patientId = alice, practitionerId = "prac-0001", kind = "pre_operative", startsAt = NextSlot(days: 2), channel = "mobile_app" }, HttpStatusCode.Created, asAlice);
        await PostAsync($"/appointments/{consultation.GetProperty("id").GetString()}/cancellation", new { cancelledBy = "patient", reason = "rescheduled" }, HttpStatusCode.OK, asAlice);
        await PostAsync("/appointments", new { patientId = alice, practitionerId = "prac-0001", kind = "procedure", startsAt = NextSlot(days: 3) }, HttpStatusCode.Conflict, asAlice);

        Step("Her surgeon writes a pre-operative prescription, which she downloads");
        var prescription = await PostAsync("/prescriptions", new { patientId = alice, practitionerId = "prac-0001", stage = "pre_operative", items = new[] { new { medication = "Paracétamol 1 g", dosage = "1 comprimé 3 fois par jour", duration = "5 jours" } } }, HttpStatusCode.Created, await StaffLoginAsync(Surgeon));
        await GetAsync($"{prescription.GetProperty("documentUrl").GetString()}?channel=web", HttpStatusCode.OK, asAlice);

        Step("Carol registers and goes no further");
        await RegisterAsync("carol@example.fr", "+44 20 7946 0958");

        Step("16 days later the reflection-period job runs (without the key first), and Alice books her procedure");
        await JobAsync(ReflectionPeriodJob.Name, key: null, HttpStatusCode.Unauthorized);
        clock.Advance(TimeSpan.FromDays(16));
        await JobAsync(ReflectionPeriodJob.Name, internalKey, HttpStatusCode.OK);
        await JobAsync(ReflectionPeriodJob.Name, internalKey, HttpStatusCode.OK);
        asAlice = await LoginAsync("alice@example.fr", Password, "+33612345678");
        await PostAsync("/appointments", new { patientId = alice, practitionerId = "prac-0001", kind = "procedure", startsAt = NextSlot(days: 7) }, HttpStatusCode.Created, asAlice);

        Step("15 days later, the abandoned-journeys job finds Bob's and Carol's journeys idle for over 30 days");
        clock.Advance(TimeSpan.FromDays(15));
        await JobAsync(AbandonedJourneyJob.Name, internalKey, HttpStatusCode.OK);
        await JobAsync(AbandonedJourneyJob.Name, internalKey, HttpStatusCode.OK);

        Step("Alice has had her procedure: the clinic closes her journey");
        await PostAsync($"/patients/{alice}/journey/completion", new { }, HttpStatusCode.OK, await StaffLoginAsync(Desk));

        Step("Alice logs out: her session ends at once");
        asAlice = await LoginAsync("alice@example.fr", Password, "+33612345678");
        await PostAsync("/auth/logout", new { }, HttpStatusCode.NoContent, asAlice);
        await GetAsync($"/patients/{alice}", HttpStatusCode.Unauthorized, asAlice);

        Step("A script tries logins from one address until the rate limit refuses it (30 a minute)");
        for (var attempt = 1; ; attempt++)
        {
            using var response = await http.PostAsJsonAsync("/auth/login", new { login = $"someone{attempt}@example.fr", password = "a guess" });
            if (response.StatusCode == HttpStatusCode.TooManyRequests || attempt == 100)
            {
                output.WriteLine($"    POST /auth/login ×{attempt} → {(int)response.StatusCode} {response.StatusCode} (Retry-After {response.Headers.RetryAfter})");
                break;
            }
        }
    }

    // Staff log in as patients do; their code goes by email, to their login. Sessions last hours: the demo's clock
    // jumps days, so each day's work starts with a login.
    private Task<string> StaffLoginAsync(string login) => LoginAsync(login, staffPassword, login);

    private async Task<string> LoginAsync(string login, string password, string codeRecipient)
    {
        var challenge = await PostAsync("/auth/login", new { login, password }, HttpStatusCode.OK);
        var code = _outbox.LastSecret(codeRecipient, MessagePurpose.MfaCode);
        var signedIn = await PostAsync("/auth/mfa", new { challengeId = challenge.GetProperty("challengeId").GetString(), code }, HttpStatusCode.OK);
        return signedIn.GetProperty("session").GetProperty("accessToken").GetString()!;
    }

    private async Task<string> RegisterAsync(string email, string phone)
    {
        var patient = await PostAsync("/patients", new { email, phone, password = Password, channel = "web", locale = "fr-FR" }, HttpStatusCode.Created);
        var id = patient.GetProperty("id").GetString()!;
        _sessions[id] = patient.GetProperty("session").GetProperty("accessToken").GetString()!;
        return id;
    }

    private async Task WebhookAsync(string eventName, string externalId, bool forged, HttpStatusCode expected)
    {
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { event_name = eventName, data = new { signature_request = new { id = externalId } } }));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/yousign") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add(YousignWebhookSignature.HeaderName, YousignWebhookSignature.Compute(forged ? "not the secret" : webhookSecret, body));
        await ExpectAsync(request, expected, forged ? "(forged signature)" : "(Yousign)");
    }

    private async Task JobAsync(string job, string? key, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/internal/{job}");
        if (key is not null)
        {
            request.Headers.Add(InternalJobKeyFilter.HeaderName, key);
        }

        var answer = await ExpectAsync(request, expected, key is null ? "(no key)" : "");
        if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("processed", out var processed))
        {
            output.WriteLine($"      {processed.GetInt32()} patients processed");
        }
    }

    private string NextSlot(int days)
    {
        var day = SlotSchedule.DayOf(clock.GetUtcNow()).AddDays(days);
        while (!SlotSchedule.SlotsOf(day).Any())
        {
            day = day.AddDays(1);
        }

        var local = SlotSchedule.SlotsOf(day).First();
        return new DateTimeOffset(local, SlotSchedule.ClinicTimeZone.GetUtcOffset(local)).ToString("O");
    }

    private Task<JsonElement> PostAsync(string path, object body, HttpStatusCode expected, string? session = null) => SendAsync(HttpMethod.Post, path, body, expected, session);

    private Task<JsonElement> GetAsync(string path, HttpStatusCode expected, string? session = null)
        => ExpectAsync(WithSession(new HttpRequestMessage(HttpMethod.Get, path), session), expected, "");

    private Task<JsonElement> SendAsync(HttpMethod method, string path, object body, HttpStatusCode expected, string? session = null)
        => ExpectAsync(WithSession(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) }, session), expected, "");

    private static HttpRequestMessage WithSession(HttpRequestMessage request, string? session)
    {
        if (session is not null)
        {
            request.Headers.Authorization = new("Bearer", session);
        }

        return request;
    }

    private async Task<JsonElement> ExpectAsync(HttpRequestMessage request, HttpStatusCode expected, string note)
    {
        using (request)
        {
            using var response = await http.SendAsync(request);
            output.WriteLine($"    {request.Method} {request.RequestUri} {note}→ {(int)response.StatusCode} {response.StatusCode}");
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != expected)
            {
                throw new DemoStepException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode} instead of {(int)expected}: {text}");
            }

            return response.Content.Headers.ContentType?.MediaType is "application/json" or "application/problem+json" && text.Length > 0
                ? JsonSerializer.Deserialize<JsonElement>(text)
                : default;
        }
    }

    private void Step(string text) => output.WriteLine($"{Environment.NewLine}▶ {text}");
}
