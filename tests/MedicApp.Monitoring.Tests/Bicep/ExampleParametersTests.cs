using System.Text.Json;

namespace MedicApp.Monitoring.Tests.Bicep;

/// <summary>The documented parameters file builds, and hands the internal jobs key over as a Key Vault reference.</summary>
public sealed class ExampleParametersTests
{
    [Fact]
    public async Task ExampleParameters_BuildAndReadTheKeyFromKeyVault()
    {
        var build = await BicepCli.RunAsync("build-params", "infra/main.example.bicepparam", "--stdout");

        Assert.True(build.ExitCode == 0, build.Errors);
        var parameters = JsonDocument.Parse(JsonDocument.Parse(build.Output).RootElement.GetProperty("parametersJson").GetString()!).RootElement.GetProperty("parameters");
        var key = parameters.GetProperty("internalJobsKey");
        Assert.False(key.TryGetProperty("value", out _));
        Assert.Equal("internal-jobs-key", key.GetProperty("reference").GetProperty("secretName").GetString());
        Assert.EndsWith("/providers/Microsoft.KeyVault/vaults/kv-medicapp-prod", key.GetProperty("reference").GetProperty("keyVault").GetProperty("id").GetString(), StringComparison.Ordinal);
    }
}
