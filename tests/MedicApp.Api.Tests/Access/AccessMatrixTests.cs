using System.Net;
using System.Net.Http.Json;
using MedicApp.Api.Data;
using MedicApp.Api.Infrastructure;
using MedicApp.Api.Tests.Hosting;

namespace MedicApp.Api.Tests.Access;

/// <summary>
/// Every endpoint that needs a session, called by six callers: no session, the patient, another patient, the staff of
/// the patient's clinic, the staff of another clinic, and a revoked session. Each gets its expected status; a record
/// the caller may not reach is a 404, as if it did not exist; every refusal is reported, by reason, without identity.
/// </summary>
public abstract class AccessMatrixTests : ApiTest
{
    public sealed class OnSqlite : AccessMatrixTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class OnPostgreSql : AccessMatrixTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    }

    private const HttpStatusCode Unauthorized = HttpStatusCode.Unauthorized;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;
    private const HttpStatusCode NotFound = HttpStatusCode.NotFound;

    private static readonly string[] Callers = ["anonymous", "patient", "another patient", "staff of the clinic", "staff of another clinic", "revoked session"];

    [Fact]
    public async Task EveryProtectedEndpoint_AnswersEachCallerAsExpected()
    {
        // The patient: ready to sign, a signature pending at clinic-paris-8, a consultation there, a prescription of its surgeon.
        var (patient, email) = await Steps.ReadyToSignAsync();
        var paris = await Steps.StaffAsync();
        var lyon = await Steps.StaffAsync("desk@clinic-lyon-2.example.fr");
        var signature = (await paris.PostAsync($"/patients/{patient}/signatures/clinic", new { document = "care_contract", clinicId = "clinic-paris-8", practitionerId = "prac-0001" }, HttpStatusCode.Created)).Text("id");
        var slot = Steps.Slot(days: 2);
        var appointment = (await Steps.As(patient).PostAsync("/appointments", new { patientId = patient, practitionerId = "prac-0001", kind = "consultation", startsAt = slot }, HttpStatusCode.Created)).Text("id");
        var prescription = (await (await Steps.SurgeonAsync()).PostAsync("/prescriptions", new { patientId = patient, practitionerId = "prac-0001", stage = "pre_operative", items = new[] { new { medication = "Paracétamol 1 g", dosage = "1 comprimé" } } }, HttpStatusCode.Created)).Text("id");
        var (other, _) = await Steps.RegisterAsync("06 98 76 54 32");
        using var revoked = await RevokedSessionAsync(email);
        HttpClient[] callers = [Client, Steps.As(patient), Steps.As(other), paris, lyon, revoked];

        // Route as mapped, request, and the status for each caller, in the order of Callers. Rows that change state
        // (a decline, a cancellation, the logouts) come after those whose answers depend on it.
        (string Route, HttpMethod Method, string Path, object? Body, HttpStatusCode[] Expected)[] matrix =
        [
            ("GET /patients/{id:guid}", HttpMethod.Get, $"/patients/{patient}", null, [Unauthorized, HttpStatusCode.OK, NotFound, HttpStatusCode.OK, NotFound, Unauthorized]),
            ("PUT /patients/{id:guid}/medical-file", HttpMethod.Put, $"/patients/{patient}/medical-file", new { }, [Unauthorized, HttpStatusCode.BadRequest, NotFound, Forbidden, Forbidden, Unauthorized]),
            ("GET /patients/{id:guid}/signatures", HttpMethod.Get, $"/patients/{patient}/signatures", null, [Unauthorized, HttpStatusCode.OK, NotFound, HttpStatusCode.OK, NotFound, Unauthorized]),
            ("POST /patients/{id:guid}/signatures/yousign", HttpMethod.Post, $"/patients/{patient}/signatures/yousign", new { }, [Unauthorized, HttpStatusCode.BadRequest, NotFound, Forbidden, Forbidden, Unauthorized]),
            ("POST /patients/{id:guid}/signatures/clinic", HttpMethod.Post, $"/patients/{other}/signatures/clinic", new { document = "consent", clinicId = "clinic-paris-8", practitionerId = "prac-0001" }, [Unauthorized, Forbidden, Forbidden, HttpStatusCode.Conflict, Forbidden, Unauthorized]),
            ("GET /practitioners/{id}/utilization", HttpMethod.Get, "/practitioners/prac-0001/utilization", null, [Unauthorized, Forbidden, Forbidden, HttpStatusCode.OK, NotFound, Unauthorized]),
            ("POST /appointments", HttpMethod.Post, "/appointments", new { patientId = patient, practitionerId = "prac-0001", kind = "consultation", startsAt = slot }, [Unauthorized, HttpStatusCode.Conflict, NotFound, HttpStatusCode.Conflict, Forbidden, Unauthorized]),
            ("POST /prescriptions/", HttpMethod.Post, "/prescriptions", new { patientId = patient, practitionerId = "prac-0001", stage = "follow_up", items = new[] { new { medication = "x", dosage = "y" } } }, [Unauthorized, Forbidden, Forbidden, Forbidden, Forbidden, Unauthorized]),
            ("GET /prescriptions/{id:guid}/document", HttpMethod.Get, $"/prescriptions/{prescription}/document", null, [Unauthorized, HttpStatusCode.OK, NotFound, HttpStatusCode.OK, NotFound, Unauthorized]),
            ("POST /patients/{id:guid}/journey/completion", HttpMethod.Post, $"/patients/{patient}/journey/completion", null, [Unauthorized, Forbidden, Forbidden, NotFound, NotFound, Unauthorized]),
            ("POST /signatures/{signatureId:guid}/clinic-completion", HttpMethod.Post, $"/signatures/{signature}/clinic-completion", new { outcome = "declined" }, [Unauthorized, Forbidden, Forbidden, HttpStatusCode.OK, NotFound, Unauthorized]),
            ("POST /appointments/{id:guid}/cancellation", HttpMethod.Post, $"/appointments/{appointment}/cancellation", new { cancelledBy = "patient", reason = "other" }, [Unauthorized, HttpStatusCode.OK, NotFound, HttpStatusCode.Conflict, NotFound, Unauthorized]),
            ("POST /auth/logout", HttpMethod.Post, "/auth/logout", null, [Unauthorized, HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.NoContent, Unauthorized]),
        ];
        var before = Host.Events.Events.Count;

        var mismatches = new List<string>();
        foreach (var (route, method, path, body, expected) in matrix)
        {
            for (var caller = 0; caller < Callers.Length; caller++)
            {
                using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
                using var response = await callers[caller].SendAsync(request);
                if (response.StatusCode != expected[caller])
                {
                    mismatches.Add($"{route} as {Callers[caller]}: {(int)response.StatusCode} instead of {(int)expected[caller]} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));

        // The matrix covers every endpoint that is not anonymous by design.
        var protectedRoutes = EndpointAccessTests.Endpoints(Host).Where(static e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null).Select(EndpointAccessTests.Name);
        Assert.Equal(protectedRoutes.Order(), matrix.Select(static r => r.Route).Order());

        // Every refusal is reported once, by reason: no session, an ended one, a role, a record not theirs.
        var cells = matrix.SelectMany(static r => r.Expected.Select((status, caller) => (status, caller))).ToList();
        var denied = Host.Events.Events.Skip(before).Where(static e => e.Definition.Name == "auth_access_denied").Select(static e => e.Properties["reason"]).ToList();
        Assert.Equal(cells.Count(static c => c is { status: Unauthorized, caller: 0 }), denied.Count(static r => r == "no_session"));
        Assert.Equal(cells.Count(static c => c is { status: Unauthorized, caller: 5 }), denied.Count(static r => r == "session_ended"));
        Assert.Equal(cells.Count(static c => c.status == Forbidden), denied.Count(static r => r == "role"));
        Assert.Equal(cells.Count(static c => c.status == NotFound), denied.Count(static r => r == "not_theirs"));
    }

    // A session of the patient, logged in and then out: its token is well formed, unexpired, and refused.
    private async Task<HttpClient> RevokedSessionAsync(string email)
    {
        var signedIn = await Steps.LogInAsync(email);
        var revoked = Steps.Authorized(signedIn.GetProperty("session").Text("accessToken"));
        await revoked.PostAsync("/auth/logout", null, HttpStatusCode.NoContent);
        return revoked;
    }
}
