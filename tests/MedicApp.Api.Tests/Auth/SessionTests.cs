using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedicApp.Api.Data;
using MedicApp.Api.Infrastructure;
using MedicApp.Api.Tests.Hosting;
using static MedicApp.Api.Tests.Hosting.EventAssert;

namespace MedicApp.Api.Tests.Auth;

/// <summary>Sessions: issued by the multi-factor step and at registration, refreshed once per refresh token, ended by a logout, a lockout or their lifetime.</summary>
public abstract class SessionTests : ApiTest
{
    public sealed class OnSqlite : SessionTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class OnPostgreSql : SessionTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    }

    // The lifetimes as deployed: 15 minutes per access token, 12 hours per session.
    internal override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Auth:AccessTokenLifetime"] = null, ["Auth:SessionLifetime"] = null };

    [Fact]
    public async Task Mfa_IssuesASession_ThatHoldsUntilLogout()
    {
        var (patientId, email) = await Steps.ReadyToSignAsync();
        var signedIn = await Steps.LogInAsync(email);

        Assert.Equal(patientId, signedIn.Text("patientId"));
        var session = signedIn.GetProperty("session");
        Assert.Equal(("Bearer", 900), (session.Text("tokenType"), session.GetProperty("expiresIn").GetInt32()));
        Assert.Equal(ApiHost.Start + TimeSpan.FromHours(12), session.GetProperty("sessionExpiresAt").GetDateTimeOffset());
        var accountPseudonym = Pseudonym(Host, signedIn.Text("accountId"));
        Assert.Contains(Host.Events.GetEvents("auth_session_issued"), e => e.Properties["account_id"] == accountPseudonym && e.Properties["origin"] == "mfa" && e.Properties["lifetime_ms"] == Milliseconds(TimeSpan.FromHours(12)));

        await LogoutAsync(session.Text("accessToken"), HttpStatusCode.NoContent);
        var again = await LogoutAsync(session.Text("accessToken"), HttpStatusCode.Unauthorized);

        Assert.Contains("has ended", again.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Single(Host, "auth_session_revoked", new Dictionary<string, string> { ["account_id"] = accountPseudonym, ["reason"] = "logout", ["sessions"] = "1" });
    }

    [Fact]
    public async Task Requests_WithoutAValidToken_Get401WithTheBearerChallenge()
    {
        using var anonymous = await Client.PostAsync("/auth/logout", null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.ToString());

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/auth/logout");
        forged.Headers.Authorization = new("Bearer", "CfDJ8not-a-token-this-api-issued");
        using var refused = await Client.SendAsync(forged);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", refused.Headers.WwwAuthenticate.ToString());
        Assert.Empty(Host.Events.GetEvents("auth_session_revoked"));
    }

    [Fact]
    public async Task Registration_IssuesTheNewPatientsFirstSession()
    {
        var registered = await Client.PostAsync("/patients", new { email = PatientSteps.NewEmail(), phone = "06 12 34 56 78", password = PatientSteps.Password, channel = "web" }, HttpStatusCode.Created);
        using var patient = Steps.Authorized(registered.GetProperty("session").Text("accessToken"));
        Assert.False((await patient.GetAsync($"/patients/{registered.Text("id")}", HttpStatusCode.OK)).TryGetProperty("session", out _));

        Single(Host, "auth_session_issued", new Dictionary<string, string> { ["account_id"] = Pseudonym(Host, registered.Text("accountId")), ["role"] = "patient", ["origin"] = "registration" });
        await LogoutAsync(registered.GetProperty("session").Text("accessToken"), HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Refresh_RenewsAnExpiredAccessTokenOnce_AndAReusedRefreshTokenEndsTheSession()
    {
        var (_, email) = await Steps.ReadyToSignAsync();
        var first = (await Steps.LogInAsync(email)).GetProperty("session");
        Host.Time.Advance(TimeSpan.FromMinutes(16));
        await LogoutAsync(first.Text("accessToken"), HttpStatusCode.Unauthorized);

        var second = await Client.PostAsync("/auth/refresh", new { refreshToken = first.Text("refreshToken") }, HttpStatusCode.OK);
        Assert.NotEqual(first.Text("refreshToken"), second.Text("refreshToken"));
        Assert.Equal(first.GetProperty("sessionExpiresAt").GetDateTimeOffset(), second.GetProperty("sessionExpiresAt").GetDateTimeOffset());

        // The first refresh token again: whoever holds it may have stolen it, so the session ends for both holders.
        await Client.PostAsync("/auth/refresh", new { refreshToken = first.Text("refreshToken") }, HttpStatusCode.Unauthorized);
        await LogoutAsync(second.Text("accessToken"), HttpStatusCode.Unauthorized);
        await Client.PostAsync("/auth/refresh", new { refreshToken = second.Text("refreshToken") }, HttpStatusCode.Unauthorized);
        Assert.Equal("refresh_token_reused", Assert.Single(Host.Events.GetEvents("auth_session_revoked")).Properties["reason"]);
    }

    [Fact]
    public async Task Session_EndsAtItsLifetime_WhateverIsRefreshed()
    {
        var (_, email) = await Steps.ReadyToSignAsync();
        var session = (await Steps.LogInAsync(email)).GetProperty("session");
        for (var hour = 0; hour < 11; hour++)
        {
            Host.Time.Advance(TimeSpan.FromMinutes(59));
            session = await Client.PostAsync("/auth/refresh", new { refreshToken = session.Text("refreshToken") }, HttpStatusCode.OK);
        }

        // 10 h 49 min in: the last refresh within the 12 hours gets an access token cut to the session's end.
        Host.Time.Advance(TimeSpan.FromMinutes(70));
        session = await Client.PostAsync("/auth/refresh", new { refreshToken = session.Text("refreshToken") }, HttpStatusCode.OK);
        Assert.Equal(60, session.GetProperty("expiresIn").GetInt32());
        Host.Time.Advance(TimeSpan.FromMinutes(2));
        await Client.PostAsync("/auth/refresh", new { refreshToken = session.Text("refreshToken") }, HttpStatusCode.Unauthorized);
        await LogoutAsync(session.Text("accessToken"), HttpStatusCode.Unauthorized);
        Assert.Empty(Host.Events.GetEvents("auth_session_revoked"));
    }

    [Fact]
    public async Task Lockout_RevokesEveryLiveSessionOfTheAccount()
    {
        var email = PatientSteps.NewEmail();
        var registered = await Client.PostAsync("/patients", new { email, phone = "06 12 34 56 78", password = PatientSteps.Password }, HttpStatusCode.Created);
        await Steps.VerifyEmailAsync(registered.Text("id"), email);
        var signedIn = (await Steps.LogInAsync(email)).GetProperty("session");

        for (var attempt = 1; attempt < 5; attempt++)
        {
            await Client.PostAsync("/auth/login", new { login = email, password = $"wrong {attempt}" }, HttpStatusCode.Unauthorized);
        }

        await LogoutAsync(signedIn.Text("accessToken"), HttpStatusCode.NoContent);
        signedIn = (await Steps.LogInAsync(email)).GetProperty("session");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await Client.PostAsync("/auth/login", new { login = email, password = $"wrong {attempt}" }, attempt < 5 ? HttpStatusCode.Unauthorized : HttpStatusCode.Locked);
        }

        await LogoutAsync(registered.GetProperty("session").Text("accessToken"), HttpStatusCode.Unauthorized);
        await LogoutAsync(signedIn.Text("accessToken"), HttpStatusCode.Unauthorized);
        await Client.PostAsync("/auth/refresh", new { refreshToken = signedIn.Text("refreshToken") }, HttpStatusCode.Unauthorized);
        var revoked = Host.Events.GetEvents("auth_session_revoked");
        Assert.Equal(["logout:1", "account_locked:2"], revoked.Select(static e => $"{e.Properties["reason"]}:{e.Properties["sessions"]}"));
    }

    [Fact]
    public async Task ParallelRefreshes_OfOneToken_ExchangeItOnce_AndEndTheSession()
    {
        var (_, email) = await Steps.ReadyToSignAsync();
        var session = (await Steps.LogInAsync(email)).GetProperty("session");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await Client.PostAsJsonAsync("/auth/refresh", new { refreshToken = session.Text("refreshToken") });
            return response.StatusCode;
        }));

        Assert.Equal(1, answers.Count(static s => s == HttpStatusCode.OK));
        Assert.Equal(9, answers.Count(static s => s == HttpStatusCode.Unauthorized));
        await LogoutAsync(session.Text("accessToken"), HttpStatusCode.Unauthorized);
        Single(Host, "auth_session_revoked", new Dictionary<string, string> { ["reason"] = "refresh_token_reused", ["sessions"] = "1" });
    }

    [Fact]
    public async Task ParallelLogouts_OfOneSession_RevokeItOnce()
    {
        var (_, email) = await Steps.ReadyToSignAsync();
        using var session = Steps.Authorized((await Steps.LogInAsync(email)).GetProperty("session").Text("accessToken"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await session.PostAsync("/auth/logout", null);
            return response.StatusCode;
        }));

        // Those that passed authentication before the first revocation answer 204 too; the session ends once.
        Assert.All(answers, static s => Assert.Contains(s, new[] { HttpStatusCode.NoContent, HttpStatusCode.Unauthorized }));
        Single(Host, "auth_session_revoked", new Dictionary<string, string> { ["reason"] = "logout", ["sessions"] = "1" });
        await LogoutAsync(session.DefaultRequestHeaders.Authorization!.Parameter!, HttpStatusCode.Unauthorized);
    }

    private Task<JsonElement> LogoutAsync(string accessToken, HttpStatusCode expected)
        => Client.SendAsync(HttpMethod.Post, "/auth/logout", null, expected, new Dictionary<string, string> { ["Authorization"] = $"Bearer {accessToken}" });
}
