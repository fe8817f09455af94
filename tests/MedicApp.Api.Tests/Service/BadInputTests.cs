using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MedicApp.Api.Data;
using MedicApp.Api.Features.Patients;
using MedicApp.Api.Tests.Hosting;
using MedicApp.Api.Tests.Telemetry;

namespace MedicApp.Api.Tests.Service;

/// <summary>Bad input is a 4xx with a problem-details body, never a 500, and writes nothing.</summary>
public abstract class BadInputTests : ApiTest
{
    public sealed class OnSqlite : BadInputTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class OnPostgreSql : BadInputTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    }

    public static TheoryData<string, string, string, HttpStatusCode> Requests => new()
    {
        // Missing fields.
        { "POST", "/patients", """{"phone":"0612345678","password":"correct horse battery"}""", HttpStatusCode.BadRequest },
        { "POST", "/patients", """{"email":"not-an-email","phone":"0612345678","password":"correct horse battery"}""", HttpStatusCode.BadRequest },
        { "POST", "/patients", """{"email":"a@example.fr","phone":"0612345678","password":"short"}""", HttpStatusCode.BadRequest },
        { "POST", "/auth/login", """{"login":"a@example.fr"}""", HttpStatusCode.BadRequest },
        { "POST", "/appointments", """{"practitionerId":"prac-0001"}""", HttpStatusCode.BadRequest },
        { "POST", "/prescriptions", """{"patientId":"0193a6f6-0000-7000-8000-000000000000","practitionerId":"prac-0001","stage":"follow_up","items":[]}""", HttpStatusCode.BadRequest },

        // Wrong types and unknown enum values.
        { "POST", "/patients", """{"email":42,"phone":"0612345678","password":"correct horse battery"}""", HttpStatusCode.BadRequest },
        { "POST", "/patients", """{"email":"a@example.fr","phone":"0612345678","password":"correct horse battery","channel":"carrier_pigeon"}""", HttpStatusCode.BadRequest },
        { "POST", "/patients", """{"email":"a@example.fr","phone":"0612345678","password":"correct horse battery","channel":3}""", HttpStatusCode.BadRequest },
        { "POST", "/appointments", """{"patientId":"not-a-guid","practitionerId":"prac-0001","kind":"consultation","startsAt":"2026-12-02T09:00:00+01:00"}""", HttpStatusCode.BadRequest },
        { "POST", "/appointments", """{"patientId":"0193a6f6-0000-7000-8000-000000000000","practitionerId":"prac-0001","kind":"consultation","startsAt":"tomorrow"}""", HttpStatusCode.BadRequest },

        // References and values that name nothing MedicApp knows: a practitioner, a clinic, a supported locale.
        { "POST", "/appointments", """{"patientId":"0193a6f6-0000-7000-8000-000000000000","practitionerId":"prac-9999","kind":"consultation","startsAt":"2026-12-02T09:00:00+01:00"}""", HttpStatusCode.BadRequest },
        { "POST", "/patients/0193a6f6-0000-7000-8000-000000000000/signatures/clinic", """{"document":"care_contract","clinicId":"Dr Jean Dupont","practitionerId":"prac-0001"}""", HttpStatusCode.BadRequest },
        { "POST", "/patients", """{"email":"a@example.fr","phone":"0612345678","password":"correct horse battery","locale":"jd@example.fr"}""", HttpStatusCode.BadRequest },
        { "POST", "/patients", """{"email":"a@example.fr","phone":"0612345678","password":"correct horse battery","locale":"06 98 76 54 32"}""", HttpStatusCode.BadRequest },

        // A NUL character, which PostgreSQL refuses even in a query's parameter.
        { "POST", "/auth/login", """{"login":"a\u0000@example.fr","password":"correct horse battery"}""", HttpStatusCode.BadRequest },
        { "POST", "/auth/mfa", """{"challengeId":"\u0000","code":"123456"}""", HttpStatusCode.BadRequest },
        { "POST", "/appointments", """{"patientId":"0193a6f6-0000-7000-8000-000000000000","practitionerId":"prac\u0000","kind":"consultation","startsAt":"2026-12-02T09:00:00+01:00"}""", HttpStatusCode.BadRequest },

        // Dates, numbers and sizes out of range.
        { "GET", "/practitioners/prac-0001/utilization?day=9999-12-31", "", HttpStatusCode.BadRequest },
        { "GET", "/practitioners/prac-0001/utilization?day=0001-01-01", "", HttpStatusCode.BadRequest },
        { "POST", "/appointments", """{"patientId":"0193a6f6-0000-7000-8000-000000000000","practitionerId":"prac-0001","kind":"consultation","startsAt":"9999-12-31T23:30:00+00:00"}""", HttpStatusCode.BadRequest },
        { "POST", "/appointments", """{"patientId":"0193a6f6-0000-7000-8000-000000000000","practitionerId":"prac-0001","kind":"consultation","startsAt":"0001-01-01T00:00:00+00:00"}""", HttpStatusCode.BadRequest },
        { "PUT", "/patients/{self}/medical-file", """{"medicalHistory":"x","allergies":"x","currentTreatments":"x","documentsUploaded":2147483648}""", HttpStatusCode.BadRequest },
        { "PUT", "/patients/{self}/medical-file", """{"medicalHistory":"x","allergies":"x","currentTreatments":"x","documentsUploaded":-1}""", HttpStatusCode.BadRequest },

        // Malformed JSON, or none.
        { "POST", "/patients", """{"email":"a@example.fr",""", HttpStatusCode.BadRequest },
        { "POST", "/patients", "", HttpStatusCode.BadRequest },
        { "POST", "/auth/mfa", "[1,2,3]", HttpStatusCode.BadRequest },

        // Unknown ids.
        { "GET", "/patients/0193a6f6-0000-7000-8000-000000000000", "", HttpStatusCode.NotFound },
        { "PUT", "/patients/0193a6f6-0000-7000-8000-000000000000/medical-file", """{"medicalHistory":"x","allergies":"x","currentTreatments":"x"}""", HttpStatusCode.NotFound },
        { "POST", "/appointments", """{"patientId":"0193a6f6-0000-7000-8000-000000000000","practitionerId":"prac-0001","kind":"consultation","startsAt":"2026-12-02T09:00:00+01:00"}""", HttpStatusCode.NotFound },
        { "POST", "/appointments/0193a6f6-0000-7000-8000-000000000000/cancellation", """{"cancelledBy":"patient","reason":"other"}""", HttpStatusCode.NotFound },
        { "GET", "/prescriptions/0193a6f6-0000-7000-8000-000000000000/document?downloadedBy=patient", "", HttpStatusCode.NotFound },
        { "POST", "/signatures/0193a6f6-0000-7000-8000-000000000000/clinic-completion", """{"outcome":"signed"}""", HttpStatusCode.NotFound },
        { "POST", "/auth/mfa", """{"challengeId":"unknown","code":"123456"}""", HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task BadRequest_IsAProblemAndWritesNothing(string method, string path, string body, HttpStatusCode expected)
    {
        // Each request as the session that may call its endpoint, so that what is refused is the input, not the caller.
        var (self, _) = await Steps.RegisterAsync();
        var client = method == "POST" && path == "/prescriptions" ? await Steps.SurgeonAsync()
            : path.Contains("/signatures/clinic", StringComparison.Ordinal) || path.Contains("clinic-completion", StringComparison.Ordinal)
                || path.Contains("/utilization", StringComparison.Ordinal) || path.StartsWith("/appointments", StringComparison.Ordinal) ? await Steps.StaffAsync()
            : path.StartsWith("/patients/", StringComparison.Ordinal) || path.StartsWith("/prescriptions/", StringComparison.Ordinal) ? Steps.As(self)
            : Client;
        var patients = await Host.CountAsync<Patient>();
        var events = Host.Events.Events.Count;
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{self}", self, StringComparison.Ordinal));
        if (method != "GET")
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":" + (int)expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(patients, await Host.CountAsync<Patient>());
        Assert.All(Host.Events.Events.Skip(events), static e => Assert.Equal("auth_access_denied", e.Definition.Name));
    }

    [Fact]
    public async Task OversizedBody_Is413()
    {
        var body = $$"""{"email":"a@example.fr","phone":"0612345678","password":"correct horse battery","locale":"{{new string('x', 300_000)}}"}""";

        using var response = await Client.PostAsync("/patients", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await Host.CountAsync<Patient>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OversizedBody_Is413OnEveryEndpoint(bool chunked)
    {
        // Kestrel enforces the limit on a body sent in chunks, without a Content-Length: the in-memory test server does not.
        await using var host = await ApiHost.StartAsync(Provider, kestrel: true);
        using var client = host.CreateClient();
        var document = (await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var body = Encoding.UTF8.GetBytes($$"""{"note":"{{new string('x', 300_000)}}"}""");
        var wrong = new List<string>();
        foreach (var operation in HostileRequests.Operations(document).Where(static o => o.Method == HttpMethod.Post || o.Method == HttpMethod.Put))
        {
            var path = operation.RouteParameters.Aggregate(operation.Path, static (p, name) => p.Replace($"{{{name}}}", Guid.NewGuid().ToString(), StringComparison.Ordinal));
            using var request = new HttpRequestMessage(operation.Method, path) { Content = chunked ? new ChunkedContent(body) : new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");

            // The server closes a connection whose body it refused: each request gets its own.
            request.Headers.ConnectionClose = true;
            try
            {
                using var response = await client.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.RequestEntityTooLarge)
                {
                    wrong.Add($"{operation.Method} {path}: {(int)response.StatusCode}");
                }
            }
            catch (HttpRequestException e)
            {
                wrong.Add($"{operation.Method} {path}: {e.Message} {e.InnerException?.Message}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong.Concat(host.ErrorLogs.Select(static e => e.ToString()))));
        Assert.Empty(host.ErrorLogs);
    }

    [Theory]
    [InlineData("application/json; charset=utf-7")]
    [InlineData("application/json; charset=nonsense")]
    public async Task UnknownCharset_Is415(string contentType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"login":"a@example.fr","password":"correct horse battery"}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await Client.PostAsync("/auth/login", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(Host.ErrorLogs);
    }

    [Fact]
    public async Task InvalidMedicalFile_LeavesThePatientAsItWas()
    {
        var (id, _) = await Steps.RegisterAsync();

        var problem = await Steps.As(id).PutAsync($"/patients/{id}/medical-file", new { medicalHistory = "Asthme", allergies = new string('x', 4_001), documentsUploaded = 90 }, HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("allergies", out _) && errors.TryGetProperty("currentTreatments", out _) && errors.TryGetProperty("documentsUploaded", out _), errors.ToString());
        Assert.Equal("registered", (await Steps.As(id).GetAsync($"/patients/{id}", HttpStatusCode.OK)).Text("journeyState"));
        Assert.Empty(Host.Events.GetEvents("patient_dossier_completed"));
    }
}
