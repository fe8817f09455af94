using System.Net;
using System.Text.Json;
using MedicApp.Api.Data;
using MedicApp.Api.Tests.Hosting;
using MedicApp.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace MedicApp.Api.Tests.Lookup;

/// <summary>
/// <c>POST /internal/lookup</c> on SQLite and PostgreSQL, over Kestrel: the pseudonyms an alert carries come back as the
/// records a clinic may see, each lookup is audited, and what is not a pseudonym is refused without being repeated.
/// </summary>
public sealed class LookupTests
{
    public static TheoryData<string> Providers => [nameof(DatabaseProvider.Sqlite), nameof(DatabaseProvider.PostgreSql)];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Lookup_TurnsAnAlertsPseudonymsIntoRecords_AndAuditsIt(string provider)
    {
        await using var host = await ApiHost.StartAsync(Enum.Parse<DatabaseProvider>(provider), kestrel: true);
        var client = host.CreateClient();
        var steps = new PatientSteps(host, client);
        var (attacked, email) = await steps.RegisterAsync("06 12 34 56 78");
        await steps.CompleteFileAsync(attacked);
        var (other, _) = await steps.RegisterAsync("06 98 76 54 32");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await client.PostAsync("/auth/login", new { login = email, password = $"guess {attempt}" }, HttpStatusCode.Unauthorized);
        }

        await client.PostAsync("/auth/login", new { login = "nobody@example.fr", password = "guess" }, HttpStatusCode.Unauthorized);

        // What the alerts' queries show: the pseudonyms of the events, as sent.
        var registered = host.Events.GetEvents("patient_registered").Select(static e => e.Properties["patient_id"]).ToList();
        var failures = host.Events.GetEvents("auth_login_failure");
        var account = failures.First(static e => e.Properties["reason"] == "invalid_password").Properties["account_id"];
        var unknownLogin = failures.Single(static e => e.Properties["reason"] == "unknown_account").Properties["account_id"];
        var clientIp = failures[0].Properties["client_ip"];
        var keyId = host.Services.GetRequiredService<Pseudonymizer>().KeyId;
        var otherKey = (keyId == "old" ? "older" : "old") + ":" + new string('0', 32);
        string[] pseudonyms = [registered[0], account, clientIp, unknownLogin, otherKey, registered[1], registered[0]];

        var answer = await Lookup(client, new { pseudonyms, addresses = new[] { "203.0.113.7", "127.0.0.1", "::1" } }, HttpStatusCode.OK);

        Assert.Equal(keyId, answer.Text("keyId"));
        var results = answer.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(pseudonyms.Distinct(), results.Select(static r => r.Text("pseudonym")));
        Assert.Equal(["patient", "account", "client_address", "unknown", "other_key", "patient"], results.Select(static r => r.Text("kind")));
        var patient = results[0].GetProperty("patient");
        Assert.Equal((attacked, email, "+33612345678", true), (patient.Text("id"), patient.Text("email"), patient.Text("phone"), patient.GetProperty("medicalFileCompleted").GetBoolean()));
        Assert.Equal((email, 3), (results[0].GetProperty("account").Text("login"), results[0].GetProperty("account").GetProperty("consecutiveFailures").GetInt32()));
        Assert.Equal(attacked, results[1].GetProperty("patient").Text("id"));
        Assert.Equal(3, results[1].GetProperty("account").GetProperty("consecutiveFailures").GetInt32());
        Assert.Contains(results[2].Text("address"), new[] { "127.0.0.1", "::1" });
        Assert.Contains("matches no account", results[3].Text("detail"), StringComparison.Ordinal);
        Assert.Contains($"this API pseudonymizes with '{keyId}'", results[4].Text("detail"), StringComparison.Ordinal);
        Assert.Equal(other, results[5].GetProperty("patient").Text("id"));
        Assert.DoesNotContain("Appendicectomie", answer.GetRawText(), StringComparison.Ordinal);

        var audit = Assert.Single(host.Events.GetEvents("internal_pseudonym_lookup"));
        Assert.Equal(("6", "3", "1"), (audit.Properties["pseudonyms"], audit.Properties["records_found"], audit.Properties["addresses_matched"]));
        Assert.Empty(host.ErrorLogs);
    }

    [Fact]
    public async Task Lookup_RefusesWhatIsNotAnAlertsPseudonyms_WithoutRepeatingIt()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.CreateClient();
        var pseudonym = "k1:" + new string('a', 32);

        await client.SendAsync(HttpMethod.Post, "/internal/lookup", new { pseudonyms = new[] { pseudonym } }, HttpStatusCode.Unauthorized);
        await client.SendAsync(HttpMethod.Post, "/internal/lookup", new { pseudonyms = new[] { pseudonym } }, HttpStatusCode.Unauthorized, new Dictionary<string, string> { ["X-Internal-Key"] = "wrong" });
        Assert.True((await Lookup(client, new { }, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("pseudonyms", out _));
        Assert.True((await Lookup(client, new { pseudonyms = Enumerable.Repeat(pseudonym, 51) }, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("pseudonyms", out _));
        Assert.True((await Lookup(client, new { pseudonyms = new[] { pseudonym }, addresses = Enumerable.Repeat("127.0.0.1", 51) }, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("addresses", out _));

        string[] pasted = ["jeanne.martin@example.fr", "K1:" + new string('A', 32), "k1:" + new string('a', 31), "k1:" + new string('g', 32), ":" + new string('a', 32), "toolongkey:" + new string('a', 32)];
        var refused = await Lookup(client, new { pseudonyms = pasted.Append(pseudonym), addresses = new[] { "06 12 34 56 78" } }, HttpStatusCode.BadRequest);
        var errors = refused.GetProperty("errors");
        Assert.Equal(Enumerable.Range(0, pasted.Length).Select(static i => $"pseudonyms[{i}]").Append("addresses[0]"), errors.EnumerateObject().Select(static e => e.Name));
        Assert.DoesNotContain("jeanne", refused.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("06 12 34", refused.GetRawText(), StringComparison.Ordinal);

        Assert.Empty(host.Events.GetEvents("internal_pseudonym_lookup"));
        Assert.Empty(host.ErrorLogs);
    }

    private static Task<JsonElement> Lookup(HttpClient client, object body, HttpStatusCode expected)
        => client.SendAsync(HttpMethod.Post, "/internal/lookup", body, expected, new Dictionary<string, string> { ["X-Internal-Key"] = ApiHost.InternalKey });
}
