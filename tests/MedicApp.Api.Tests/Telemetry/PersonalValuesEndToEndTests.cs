using System.Net;
using Microsoft.EntityFrameworkCore;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MedicApp.Api.Data;
using MedicApp.Api.Features.Patients;
using MedicApp.Api.Infrastructure;
using MedicApp.Api.Tests.Hosting;
using MedicApp.Telemetry;
using MedicApp.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace MedicApp.Api.Tests.Telemetry;

/// <summary>
/// The reference API driven as a careless client or an attacker would, with the real Application Insights SDK sending
/// to a loopback ingestion server: a patient's whole journey with their own contact details, secrets and health data,
/// then every operation of the OpenAPI document with a personal value in every place that accepts text. No personal
/// value reaches any envelope: requests, dependencies, exceptions, traces or events.
/// </summary>
public abstract class PersonalValuesEndToEndTests(ITestOutputHelper output)
{
    private const string Email = "claire.fontaine@example.fr";
    private const string Phone = "07 81 90 12 34";
    private const string Password = "Lune-de-miel-1987";
    private const string HealthDetail = "Ostéite fibrokystique";

    internal abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task NoPersonalValue_ReachesApplicationInsights()
    {
        using var ingestion = new IngestionServer();
        var statuses = new Dictionary<int, int>();
        var secrets = new List<string>();
        await using (var host = await ApiHost.StartAsync(Provider, Settings(ingestion), kestrel: true, inMemoryEvents: false))
        {
            var anonymous = host.CreateClient();
            using var steps = new PatientSteps(host, anonymous);
            var (patientId, client) = await DriveJourneyAsync(host, anonymous, steps, secrets);

            var document = (await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
            var operations = HostileRequests.Operations(document);
            Assert.True(operations.Count >= 15, $"{operations.Count} operations in the OpenAPI document");
            string RouteValue(string name) => name == "id" ? patientId : Guid.NewGuid().ToString();
            foreach (var operation in operations)
            {
                foreach (var value in PersonalValue.All)
                {
                    foreach (var request in HostileRequests.For(operation, value, document, RouteValue))
                    {
                        using (request)
                        using (var response = await client.SendAsync(request))
                        {
                            Assert.True((int)response.StatusCode < 500, $"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}");
                            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                        }
                    }
                }
            }

            // The telemetry of every request above has arrived: what is checked below is everything that was sent.
            await ingestion.WaitForAsync(static e => BaseType(e) == "RequestData", statuses.Values.Sum(), TimeSpan.FromSeconds(60));
            var tracked = host.Services.GetRequiredService<TelemetryHealth>().GetStatistics().EventsTracked;
            await ingestion.WaitForCustomEventsAsync((int)tracked, TimeSpan.FromSeconds(60));
        }

        var envelopes = ingestion.Envelopes;
        output.WriteLine($"Answers: {string.Join(", ", statuses.OrderBy(static s => s.Key).Select(static s => $"{s.Value}×{s.Key}"))}");
        output.WriteLine($"Envelopes: {string.Join(", ", envelopes.GroupBy(BaseType).Select(static g => $"{g.Count()} {g.Key}"))}");
        Assert.Contains(envelopes, static e => IngestionServer.IsCustomEvent(e) && (string?)e["data"]?["baseData"]?["name"] == "patient_registered");
        Assert.Contains(envelopes, static e => BaseType(e) is "MessageData" or "ExceptionData");

        var leaks = Leaks(envelopes, secrets);
        Assert.True(leaks.Count == 0, $"{leaks.Count} personal values reached Application Insights:\n{string.Join('\n', leaks.Take(500))}");
    }

    private static Dictionary<string, string?> Settings(IngestionServer ingestion) => new()
    {
        ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ingestion.ConnectionString,
        ["MedicAppTelemetry:ApplicationInsights:ConnectionString"] = ingestion.ConnectionString,
        ["MedicAppTelemetry:Pseudonymization:Key"] = Convert.ToBase64String("medicapp-e2e-privacy-test-key-32b"u8),
        ["ApplicationInsights:SamplingRatio"] = "1",
        ["Logging:LogLevel:Default"] = "Information",
    };

    // A patient who registers, verifies, fills in the file, signs, books, gets a prescription, logs in, refreshes and
    // logs out: every secret they receive is remembered, tokens and session ids included, as none of them may be sent
    // either. Returns a client with their session, which sends the hostile requests.
    private static async Task<(string Id, HttpClient Session)> DriveJourneyAsync(ApiHost host, HttpClient client, PatientSteps steps, List<string> secrets)
    {
        var patient = await client.PostAsync("/patients", new { email = Email, phone = Phone, password = Password, channel = "web", locale = "fr-FR" }, HttpStatusCode.Created);
        var id = patient.Text("id");
        var registered = patient.GetProperty("session");
        secrets.Add(registered.Text("accessToken"));
        secrets.Add(registered.Text("refreshToken"));
        var session = steps.Authorized(registered.Text("accessToken"));
        secrets.Add(host.Outbox.LastSecret(Email, MessagePurpose.EmailVerification));
        secrets.Add(host.Outbox.LastSecret(ContactFormats.NormalizePhone(Phone)!, MessagePurpose.PhoneVerification));
        await steps.VerifyEmailAsync(id, Email);
        await steps.VerifyPhoneAsync(id, ContactFormats.NormalizePhone(Phone)!);
        await session.PutAsync($"/patients/{id}/medical-file", new { medicalHistory = HealthDetail, allergies = HealthDetail, currentTreatments = HealthDetail, documentsUploaded = 1 }, HttpStatusCode.OK);
        await NotPersonalFieldsAsync(client, await steps.StaffAsync(), (await steps.ReadyToSignAsync()).Id);
        foreach (var document in new[] { "consent", "quote", "care_contract" })
        {
            var request = await session.PostAsync($"/patients/{id}/signatures/yousign", new { document }, HttpStatusCode.Created);
            await steps.WebhookAsync("signature_request.done", request.Text("externalId"), HttpStatusCode.OK);
        }

        await session.PostAsync("/appointments", new { patientId = id, practitionerId = "prac-0001", kind = "consultation", startsAt = steps.Slot(days: 2) }, HttpStatusCode.Created);
        await (await steps.SurgeonAsync()).PostAsync("/prescriptions", new { patientId = id, practitionerId = "prac-0001", stage = "pre_operative", items = new[] { new { medication = HealthDetail, dosage = "1 cp", duration = "7 jours" } } }, HttpStatusCode.Created);

        await client.PostAsync("/auth/login", new { login = Email, password = "Lune-de-fiel-1988" }, HttpStatusCode.Unauthorized);
        var challenge = await client.PostAsync("/auth/login", new { login = Email, password = Password }, HttpStatusCode.OK);
        var code = host.Outbox.LastSecret(ContactFormats.NormalizePhone(Phone)!, MessagePurpose.MfaCode);
        secrets.Add(code);
        var signedIn = (await client.PostAsync("/auth/mfa", new { challengeId = challenge.Text("challengeId"), code }, HttpStatusCode.OK)).GetProperty("session");
        var refreshed = await client.PostAsync("/auth/refresh", new { refreshToken = signedIn.Text("refreshToken") }, HttpStatusCode.OK);
        secrets.AddRange([signedIn.Text("accessToken"), signedIn.Text("refreshToken"), refreshed.Text("accessToken"), refreshed.Text("refreshToken")]);
        using (var loggedIn = steps.Authorized(refreshed.Text("accessToken")))
        {
            await loggedIn.PostAsync("/auth/logout", null, HttpStatusCode.NoContent);
        }

        secrets.AddRange(await host.WithDbAsync(static db => db.Sessions.Select(static s => s.Id.ToString()).ToListAsync()));
        return (id, session);
    }

    // The fields sent as they are when valid (a locale, a clinic's or practitioner's reference) get each personal value
    // in requests that are valid otherwise, so that nothing else stops them before they could be tracked.
    private static async Task NotPersonalFieldsAsync(HttpClient client, HttpClient staff, string readyToSign)
    {
        var attempt = 0;
        foreach (var value in PersonalValue.All)
        {
            var email = $"claire.fontaine.{++attempt}@example.fr";
            var requests = new (string Path, object Body)[]
            {
                ("/patients", new { email, phone = $"06 12 34 56 {10 + attempt}", password = Password, channel = "web", locale = value.Text }),
                ($"/patients/{readyToSign}/signatures/clinic", new { document = "consent", clinicId = value.Text, practitionerId = "prac-0001" }),
                ($"/patients/{readyToSign}/signatures/clinic", new { document = "consent", clinicId = "clinic-paris-8", practitionerId = value.Text }),
            };
            foreach (var (path, body) in requests)
            {
                using var response = await (path == "/patients" ? client : staff).PostAsJsonAsync(path, body);
                Assert.True((int)response.StatusCode < 500, $"POST {path} with {value.Kind} answered {(int)response.StatusCode}");
            }
        }
    }

    private static List<string> Leaks(IReadOnlyList<JsonObject> envelopes, IReadOnlyList<string> secrets)
    {
        var leaks = new List<string>();
        foreach (var envelope in envelopes)
        {
            foreach (var (path, text) in Strings(envelope, BaseType(envelope) ?? "?"))
            {
                foreach (var value in PersonalValue.All.Append(new("email", Email)).Append(new("phone", Phone)))
                {
                    if (value.IsIn(text))
                    {
                        leaks.Add($"{value.Kind} in {path}: {text}");
                    }
                }

                foreach (var secret in secrets.Append(Password).Append(HealthDetail))
                {
                    if (Regex.IsMatch(text, $@"(?<![0-9A-Za-z]){Regex.Escape(secret)}(?![0-9A-Za-z])"))
                    {
                        leaks.Add($"a secret or health detail in {path}: {text}");
                    }
                }
            }
        }

        return leaks;
    }

    // Every string of an envelope, property names included, with where it is.
    private static IEnumerable<(string Path, string Text)> Strings(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    yield return (path, name);
                    foreach (var inner in Strings(child, $"{path}.{name}"))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var inner in array.SelectMany((child, index) => Strings(child, $"{path}[{index}]")))
                {
                    yield return inner;
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text):
                yield return (path, text);
                break;
        }
    }

    private static string? BaseType(JsonObject envelope) => (string?)envelope["data"]?["baseType"];

    public sealed class OnSqlite(ITestOutputHelper output) : PersonalValuesEndToEndTests(output)
    {
        internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class OnPostgreSql(ITestOutputHelper output) : PersonalValuesEndToEndTests(output)
    {
        internal override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    }
}
