using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text;
using MedicApp.Api.Features.Appointments;
using MedicApp.Api.Features.InternalJobs;
using MedicApp.Api.Features.Signatures;
using MedicApp.Api.Infrastructure;

namespace MedicApp.Api.Tests.Hosting;

/// <summary>The steps that bring a patient to a state, through the API as a client would.</summary>
internal sealed class PatientSteps(ApiHost host, HttpClient client) : IDisposable
{
    public const string Password = "correct horse battery staple";

    private readonly ConcurrentDictionary<string, HttpClient> _sessions = new(StringComparer.Ordinal);

    /// <summary>A client with the session of the patient <paramref name="patientId"/> registered through these steps.</summary>
    public HttpClient As(string patientId) => _sessions[patientId];

    /// <summary>A client with a session of the staff account <paramref name="login"/> (<see cref="ApiHost.StaffAccounts"/>), logged in once.</summary>
    public async Task<HttpClient> StaffAsync(string login = "desk@clinic-paris-8.example.fr")
    {
        if (_sessions.TryGetValue(login, out var signedIn))
        {
            return signedIn;
        }

        var session = await LogInAsync(login, ApiHost.StaffPassword, login);
        return _sessions.GetOrAdd(login, _ => Authorized(session.GetProperty("session").Text("accessToken")));
    }

    /// <summary>
    /// Logs in with the password, then the code sent to <paramref name="codeRecipient"/> (a patient's phone by default,
    /// a staff member's login): the answer of the multi-factor step, with its session.
    /// </summary>
    public async Task<JsonElement> LogInAsync(string login, string password = Password, string codeRecipient = "+33612345678")
    {
        var challenge = await client.PostAsync("/auth/login", new { login, password }, HttpStatusCode.OK);
        return await client.PostAsync("/auth/mfa", new { challengeId = challenge.Text("challengeId"), code = host.Outbox.LastSecret(codeRecipient, MessagePurpose.MfaCode) }, HttpStatusCode.OK);
    }

    /// <summary>The surgeon prac-0001, of clinic-paris-8.</summary>
    public Task<HttpClient> SurgeonAsync() => StaffAsync("prac-0001@clinic-paris-8.example.fr");

    /// <summary>A client of the same host that sends <paramref name="accessToken"/>.</summary>
    public HttpClient Authorized(string accessToken)
    {
        var authorized = host.CreateClient();
        authorized.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        return authorized;
    }

    public void Dispose()
    {
        foreach (var session in _sessions.Values)
        {
            session.Dispose();
        }
    }

    public static string NewEmail() => $"patient.{Guid.NewGuid():N}@example.fr";

    public async Task<(string Id, string Email)> RegisterAsync(string phone = "06 12 34 56 78")
    {
        var email = NewEmail();
        var patient = await client.PostAsync("/patients", new { email, phone, password = Password, channel = "web", locale = "fr-FR" }, HttpStatusCode.Created);
        _sessions[patient.Text("id")] = Authorized(patient.GetProperty("session").Text("accessToken"));
        return (patient.Text("id"), email);
    }

    public async Task VerifyEmailAsync(string id, string email)
        => await client.PostAsync($"/patients/{id}/email-verification", new { secret = host.Outbox.LastSecret(email, MessagePurpose.EmailVerification) }, HttpStatusCode.OK);

    public async Task VerifyPhoneAsync(string id, string phone = "+33612345678")
        => await client.PostAsync($"/patients/{id}/phone-verification", new { secret = host.Outbox.LastSecret(phone, MessagePurpose.PhoneVerification) }, HttpStatusCode.OK);

    public async Task CompleteFileAsync(string id)
        => await As(id).PutAsync($"/patients/{id}/medical-file", new { medicalHistory = "Appendicectomie", allergies = "Aucune", currentTreatments = "Aucun", documentsUploaded = 1 }, HttpStatusCode.OK);

    /// <summary>Registered, file complete, contact verified: ready to sign.</summary>
    public async Task<(string Id, string Email)> ReadyToSignAsync()
    {
        var (id, email) = await RegisterAsync();
        await VerifyEmailAsync(id, email);
        await VerifyPhoneAsync(id);
        await CompleteFileAsync(id);
        return (id, email);
    }

    /// <summary>Every required document signed through Yousign: the reflection period has started.</summary>
    public async Task<string> InReflectionPeriodAsync()
    {
        var (id, _) = await ReadyToSignAsync();
        foreach (var document in new[] { "consent", "quote", "care_contract" })
        {
            var request = await As(id).PostAsync($"/patients/{id}/signatures/yousign", new { document }, HttpStatusCode.Created);
            await WebhookAsync("signature_request.done", request.Text("externalId"), HttpStatusCode.OK);
        }

        return id;
    }

    public async Task<JsonElement> WebhookAsync(string eventName, string externalId, HttpStatusCode expected, string? secret = ApiHost.WebhookSecret)
    {
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { event_name = eventName, data = new { signature_request = new { id = externalId } } }));
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        var headers = secret is null ? null : new Dictionary<string, string> { [YousignWebhookSignature.HeaderName] = YousignWebhookSignature.Compute(secret, body) };
        return await client.SendAsync(HttpMethod.Post, "/webhooks/yousign", content, expected, headers);
    }

    public async Task<int> RunJobAsync(string job, HttpStatusCode expected = HttpStatusCode.OK, string? key = ApiHost.InternalKey)
    {
        var headers = key is null ? null : new Dictionary<string, string> { [InternalJobKeyFilter.HeaderName] = key };
        var answer = await client.SendAsync(HttpMethod.Get, $"/internal/{job}", null, expected, headers);
        return expected == HttpStatusCode.OK ? answer.GetProperty("processed").GetInt32() : -1;
    }

    /// <summary>The first slot <paramref name="days"/> days or more after the fake clock's now, as ISO 8601 with Paris offset.</summary>
    public string Slot(int days, int index = 0)
    {
        var day = SlotSchedule.DayOf(host.Time.GetUtcNow()).AddDays(days);
        while (!SlotSchedule.SlotsOf(day).Any())
        {
            day = day.AddDays(1);
        }

        var local = SlotSchedule.SlotsOf(day).ElementAt(index);
        return new DateTimeOffset(local, SlotSchedule.ClinicTimeZone.GetUtcOffset(local)).ToString("O");
    }
}
