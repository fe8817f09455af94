using System.Net;
using System.Net.Http.Json;
using MedicApp.Api.Tests.Hosting;
using static MedicApp.Api.Tests.Hosting.EventAssert;

namespace MedicApp.Api.Tests.Auth;

/// <summary>
/// The rate limits per client address on the steps anyone may call: past the limit, 429 with Retry-After and nothing
/// checked; one <c>auth_rate_limited</c> per address, step and window however many are refused.
/// </summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Login_PastItsLimit_Answers429_AndIsReportedOncePerWindow()
    {
        await using var host = await ApiHost.StartAsync(settings: Defaults(), kestrel: true);
        var client = host.CreateClient();

        var answers = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 40; attempt++)
        {
            using var response = await client.PostAsJsonAsync("/auth/login", new { login = $"nobody{attempt}@example.fr", password = "a guess" });
            answers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.InRange(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
            }
        }

        // The default: 30 a minute from one address. A refused attempt is not checked, so it is no login failure.
        Assert.Equal(30, answers.Count(static s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(10, answers.Count(static s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(30, host.Events.GetEvents("auth_login_failure").Count);
        var reported = Assert.Single(host.Events.GetEvents("auth_rate_limited"));
        Assert.Equal(("login", Milliseconds(TimeSpan.FromMinutes(1)), "30"), (reported.Properties["operation"], reported.Properties["window_ms"], reported.Properties["permit_limit"]));
        Assert.Equal(host.Events.GetEvents("auth_login_failure")[0].Properties["client_ip"], reported.Properties["client_ip"]);
        Assert.Empty(host.ErrorLogs);
    }

    [Fact]
    public async Task Login_FortyAtOnce_LetsThroughExactlyTheLimit_AndReportsOnce()
    {
        await using var host = await ApiHost.StartAsync(settings: Defaults(), kestrel: true);
        var client = host.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async attempt =>
        {
            using var response = await client.PostAsJsonAsync("/auth/login", new { login = $"nobody{attempt}@example.fr", password = "a guess" });
            return response.StatusCode;
        }));

        Assert.Equal(30, answers.Count(static s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(10, answers.Count(static s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(30, host.Events.GetEvents("auth_login_failure").Count);
        Assert.Single(host.Events.GetEvents("auth_rate_limited"));
    }

    [Fact]
    public async Task EachStep_HasItsOwnLimit()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimits:Registration:PermitLimit"] = "2",
            ["RateLimits:Verification:PermitLimit"] = "3",
            ["RateLimits:Mfa:PermitLimit"] = "1",
            ["RateLimits:Refresh:PermitLimit"] = "1",
        });
        var client = host.CreateClient();
        var steps = new PatientSteps(host, client);
        var (patient, _) = await steps.RegisterAsync();
        await steps.RegisterAsync();
        await client.PostAsync("/patients", new { email = PatientSteps.NewEmail(), phone = "06 12 34 56 78", password = PatientSteps.Password }, HttpStatusCode.TooManyRequests);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await client.PostAsync($"/patients/{patient}/phone-verification", new { secret = "000000" }, HttpStatusCode.BadRequest);
        }

        await client.PostAsync($"/patients/{patient}/email-verification/resend", new { }, HttpStatusCode.TooManyRequests);
        await client.PostAsync("/auth/mfa", new { challengeId = "unknown", code = "000000" }, HttpStatusCode.Unauthorized);
        await client.PostAsync("/auth/mfa", new { challengeId = "unknown", code = "000000" }, HttpStatusCode.TooManyRequests);
        await client.PostAsync("/auth/refresh", new { refreshToken = "unknown" }, HttpStatusCode.Unauthorized);
        await client.PostAsync("/auth/refresh", new { refreshToken = "unknown" }, HttpStatusCode.TooManyRequests);
        await client.PostAsync("/auth/login", new { login = "nobody@example.fr", password = "a guess" }, HttpStatusCode.Unauthorized);

        Assert.Equal(["registration", "verification", "mfa", "refresh"], host.Events.GetEvents("auth_rate_limited").Select(static e => e.Properties["operation"]));
    }

    [Fact]
    public async Task ALimitThatCannotWork_StopsTheStart()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:Login:PermitLimit"] = "0" }));
        Assert.Contains("RateLimits:", failure.ToString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Defaults() => new()
    {
        ["RateLimits:Login:PermitLimit"] = null,
        ["RateLimits:Mfa:PermitLimit"] = null,
        ["RateLimits:Refresh:PermitLimit"] = null,
        ["RateLimits:Registration:PermitLimit"] = null,
        ["RateLimits:Verification:PermitLimit"] = null,
    };
}
