using System.Security.Cryptography;
using System.Text;
using MedicApp.Api.Infrastructure;
using MedicApp.Api.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedicApp.Api.Tests.Patients;

/// <summary>Verification links and codes are stored as an HMAC with the server key: a copy of the table gives no code back.</summary>
public sealed class SecretHashTests
{
    private static readonly string s_key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(static i => (byte)i).ToArray());

    [Fact]
    public async Task StoredCode_IsTheHmacOfTheCodeWithTheConfiguredKey_NotItsPlainHash()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["Secrets:Key"] = s_key });
        var steps = new PatientSteps(host, host.CreateClient());
        var (id, _) = await steps.RegisterAsync();
        var code = host.Outbox.LastSecret("+33612345678", MessagePurpose.PhoneVerification);

        var stored = await host.WithDbAsync(db => db.Patients.Where(p => p.Id == Guid.Parse(id)).Select(static p => p.PhoneCodeHash).SingleAsync());

        Assert.Equal(Convert.ToHexString(HMACSHA256.HashData(Convert.FromBase64String(s_key), Encoding.UTF8.GetBytes(code))), stored);
        Assert.NotEqual(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code))), stored);
        await steps.VerifyPhoneAsync(id);
    }

    [Fact]
    public async Task WithoutAKey_EachProcessDrawsItsOwn()
    {
        await using var first = await ApiHost.StartAsync();
        await using var second = await ApiHost.StartAsync();

        Assert.NotEqual(first.Services.GetRequiredService<SecretHash>().Of("123456"), second.Services.GetRequiredService<SecretHash>().Of("123456"));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public async Task BadKey_StopsTheStartWithTheRule(string key)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["Secrets:Key"] = key });
            await host.CreateClient().GetAsync("/health");
        });

        Assert.Contains(SecretHashOptions.KeyRule, failure.Message, StringComparison.Ordinal);
    }
}
