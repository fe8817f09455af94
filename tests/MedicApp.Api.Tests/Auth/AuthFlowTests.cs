using System.Net;
using System.Net.Http.Json;
using MedicApp.Api.Data;
using MedicApp.Api.Infrastructure;
using MedicApp.Api.Tests.Hosting;
using static MedicApp.Api.Tests.Hosting.EventAssert;

namespace MedicApp.Api.Tests.Auth;

public abstract class AuthFlowTests : ApiTest
{
    public sealed class OnSqlite : AuthFlowTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class OnPostgreSql : AuthFlowTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    }

    [Fact]
    public async Task Login_RightPasswordThenCode_EmitsSuccessMfaSentAndMfaSuccess()
    {
        var (patientId, email) = await Steps.ReadyToSignAsync();
        var challenge = await Client.PostAsync("/auth/login", new { login = email, password = PatientSteps.Password }, HttpStatusCode.OK);
        var accountId = (await Steps.As(patientId).GetAsync($"/patients/{patientId}", HttpStatusCode.OK)).Text("accountId");
        Host.Time.Advance(TimeSpan.FromSeconds(40));

        await Client.PostAsync("/auth/mfa", new { challengeId = challenge.Text("challengeId"), code = Host.Outbox.LastSecret("+33612345678", MessagePurpose.MfaCode) }, HttpStatusCode.OK);

        Single(Host, "auth_login_success", new Dictionary<string, string>
        {
            ["account_id"] = Pseudonym(Host, accountId),
            ["client_ip"] = Pseudonym(Host, "unknown"),
            ["role"] = "patient",
            ["mfa_required"] = "true",
            ["failed_attempts"] = "0",
        });
        Single(Host, "auth_mfa_sent", new Dictionary<string, string> { ["account_id"] = Pseudonym(Host, accountId), ["method"] = "sms" });
        Single(Host, "auth_mfa_success", new Dictionary<string, string>
        {
            ["account_id"] = Pseudonym(Host, accountId),
            ["method"] = "sms",
            ["attempt_count"] = "1",
            ["time_to_verify_ms"] = Milliseconds(TimeSpan.FromSeconds(40)),
        });
    }

    [Fact]
    public async Task Login_FivePasswordFailures_LocksTheAccountOnce()
    {
        var (_, email) = await Steps.ReadyToSignAsync();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await Client.PostAsync("/auth/login", new { login = email, password = $"wrong password {attempt}" }, HttpStatusCode.Unauthorized);
        }

        await Client.PostAsync("/auth/login", new { login = email, password = "wrong password 5" }, HttpStatusCode.Locked);
        await Client.PostAsync("/auth/login", new { login = email, password = PatientSteps.Password }, HttpStatusCode.Locked);

        var failures = Host.Events.GetEvents("auth_login_failure");
        Assert.Equal(["invalid_password:1", "invalid_password:2", "invalid_password:3", "invalid_password:4", "invalid_password:5", "account_locked:5"],
            failures.Select(static e => $"{e.Properties["reason"]}:{e.Properties["consecutive_failures"]}"));
        Single(Host, "auth_account_locked", new Dictionary<string, string>
        {
            ["trigger"] = "password_failures",
            ["failed_attempts"] = "5",
            ["lock_duration_ms"] = Milliseconds(TimeSpan.FromMinutes(15)),
        });
        Assert.Empty(Host.Events.GetEvents("auth_login_success"));
    }

    [Fact]
    public async Task Login_TenWrongPasswordsAtOnce_EachCountsAndTheAccountLocksOnce()
    {
        var (_, email) = await Steps.ReadyToSignAsync();

        var answers = await Task.WhenAll(Enumerable.Range(1, 10).Select(async attempt =>
        {
            using var response = await Client.PostAsJsonAsync("/auth/login", new { login = email, password = $"parallel guess {attempt}" });
            return response.StatusCode;
        }));

        Assert.Equal(4, answers.Count(static s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(6, answers.Count(static s => s == HttpStatusCode.Locked));
        var failures = Host.Events.GetEvents("auth_login_failure").Select(static e => (e.Properties["reason"], e.Properties["consecutive_failures"])).ToList();
        Assert.Equal(["1", "2", "3", "4", "5"], failures.Where(static f => f.Item1 == "invalid_password").Select(static f => f.Item2).Order());
        Assert.Equal(5, failures.Count(static f => f.Item1 == "account_locked"));
        Single(Host, "auth_account_locked", new Dictionary<string, string> { ["failed_attempts"] = "5" });
    }

    [Fact]
    public async Task Login_UnknownAccount_EmitsFailureWithTheLoginPseudonymized()
    {
        await Client.PostAsync("/auth/login", new { login = "Nobody@Example.fr", password = "whatever it is" }, HttpStatusCode.Unauthorized);

        var failure = Single(Host, "auth_login_failure", new Dictionary<string, string>
        {
            ["account_id"] = Pseudonym(Host, "nobody@example.fr"),
            ["reason"] = "unknown_account",
        });
        Assert.DoesNotContain(failure.Properties.Values, static v => v.Contains("nobody", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Login_EmailNotVerified_IsForbiddenWithItsReason()
    {
        var (_, email) = await Steps.RegisterAsync();

        await Client.PostAsync("/auth/login", new { login = email, password = PatientSteps.Password }, HttpStatusCode.Forbidden);

        Single(Host, "auth_login_failure", new Dictionary<string, string> { ["reason"] = "email_not_verified" });
        Assert.Empty(Host.Events.GetEvents("auth_mfa_sent"));
    }

    [Fact]
    public async Task Mfa_FiveWrongCodes_FailsThenLocksWithTooManyAttempts()
    {
        var (_, email) = await Steps.ReadyToSignAsync();
        var challenge = (await Client.PostAsync("/auth/login", new { login = email, password = PatientSteps.Password }, HttpStatusCode.OK)).Text("challengeId");
        var code = Host.Outbox.LastSecret("+33612345678", MessagePurpose.MfaCode);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await Client.PostAsync("/auth/mfa", new { challengeId = challenge, code = wrong }, HttpStatusCode.Unauthorized);
        }

        await Client.PostAsync("/auth/mfa", new { challengeId = challenge, code = wrong }, HttpStatusCode.Locked);
        await Client.PostAsync("/auth/mfa", new { challengeId = challenge, code }, HttpStatusCode.Unauthorized);

        Assert.Equal(["invalid_code:1", "invalid_code:2", "invalid_code:3", "invalid_code:4", "too_many_attempts:5"],
            Host.Events.GetEvents("auth_mfa_failure").Select(static e => $"{e.Properties["reason"]}:{e.Properties["attempt_count"]}"));
        Single(Host, "auth_account_locked", new Dictionary<string, string> { ["trigger"] = "mfa_failures", ["failed_attempts"] = "5" });
        Assert.Empty(Host.Events.GetEvents("auth_mfa_success"));
    }

    [Fact]
    public async Task Mfa_TenWrongCodesAtOnce_EachCountsAndTheAccountLocksOnce()
    {
        var (_, email) = await Steps.ReadyToSignAsync();
        var challenge = (await Client.PostAsync("/auth/login", new { login = email, password = PatientSteps.Password }, HttpStatusCode.OK)).Text("challengeId");
        var code = Host.Outbox.LastSecret("+33612345678", MessagePurpose.MfaCode);
        var wrong = code == "000000" ? "111111" : "000000";

        await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await Client.PostAsJsonAsync("/auth/mfa", new { challengeId = challenge, code = wrong });
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Locked, response.StatusCode.ToString());
        }));

        var failures = Host.Events.GetEvents("auth_mfa_failure").Select(static e => (e.Properties["reason"], e.Properties["attempt_count"])).ToList();
        Assert.Equal([("invalid_code", "1"), ("invalid_code", "2"), ("invalid_code", "3"), ("invalid_code", "4"), ("too_many_attempts", "5")], failures.OrderBy(static f => f.Item2));
        Single(Host, "auth_account_locked", new Dictionary<string, string> { ["trigger"] = "mfa_failures", ["failed_attempts"] = "5" });
    }

    [Fact]
    public async Task Mfa_CodeEnteredTooLate_FailsAsExpired()
    {
        var (_, email) = await Steps.ReadyToSignAsync();
        var challenge = (await Client.PostAsync("/auth/login", new { login = email, password = PatientSteps.Password }, HttpStatusCode.OK)).Text("challengeId");
        Host.Time.Advance(TimeSpan.FromMinutes(6));

        await Client.PostAsync("/auth/mfa", new { challengeId = challenge, code = Host.Outbox.LastSecret("+33612345678", MessagePurpose.MfaCode) }, HttpStatusCode.Unauthorized);

        Single(Host, "auth_mfa_failure", new Dictionary<string, string> { ["reason"] = "expired_code", ["attempt_count"] = "1" });
    }

    [Fact]
    public async Task Login_PasswordsAndCodes_NeverReachTelemetry()
    {
        var (_, email) = await Steps.ReadyToSignAsync();
        await Client.PostAsync("/auth/login", new { login = email, password = "a wrong password typed" }, HttpStatusCode.Unauthorized);
        var challenge = (await Client.PostAsync("/auth/login", new { login = email, password = PatientSteps.Password }, HttpStatusCode.OK)).Text("challengeId");
        var code = Host.Outbox.LastSecret("+33612345678", MessagePurpose.MfaCode);
        await Client.PostAsync("/auth/mfa", new { challengeId = challenge, code }, HttpStatusCode.OK);

        var sent = string.Join('\n', Host.Events.Events.SelectMany(static e => e.Properties.Values));
        Assert.DoesNotContain("a wrong password typed", sent, StringComparison.Ordinal);
        Assert.DoesNotContain(PatientSteps.Password, sent, StringComparison.Ordinal);
        Assert.DoesNotContain(challenge, sent, StringComparison.Ordinal);
        Assert.DoesNotContain(email, sent, StringComparison.Ordinal);
        Assert.All(Host.Events.Events.Where(static e => e.Name.StartsWith("auth_", StringComparison.Ordinal)), e => Assert.DoesNotContain(code, e.Properties.Values));
    }
}
