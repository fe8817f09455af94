using MedicApp.Tests.Shared;

namespace MedicApp.Monitoring.Tests.Kql;

/// <summary>
/// The Kusto language service of the KQL checks. The first test reports it for the whole run: when it cannot be
/// installed, it fails with what to install, and the KQL checks fail with one line naming it.
/// </summary>
public sealed class KustoLanguageServiceTests
{
    [Fact]
    public async Task KustoLanguageService_ForTheKqlChecks_IsInstalled()
    {
        var tool = await KustoLanguageService.Installation.EnsureAsync();

        Assert.True(File.Exists(Path.Combine(tool, "node_modules", "@kusto", "language-service-next", "package.json")));
    }

    [Fact]
    public void KustoLanguageService_WithoutNodeOrNpm_SaysHowToInstallThem()
    {
        var tool = Directory.CreateTempSubdirectory("kql-check-not-installed-").FullName;
        try
        {
            var missing = Assert.Throws<PrerequisiteException>(() => KustoLanguageService.Install(tool, path: tool));

            Assert.Contains("node and npm are not on PATH", missing.Message, StringComparison.Ordinal);
            Assert.Contains("sudo apt-get install nodejs npm", missing.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(tool, recursive: true);
        }
    }

    [Fact]
    public void KustoLanguageService_Installed_NeedsNodeButNotNpm()
    {
        var tool = Directory.CreateTempSubdirectory("kql-check-installed-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(tool, "node_modules"));
            File.WriteAllText(Path.Combine(tool, "node_modules", ".package-lock.json"), "{}");

            var missing = Assert.Throws<PrerequisiteException>(() => KustoLanguageService.Install(tool, path: tool));
            File.WriteAllText(Path.Combine(tool, "node"), "");

            Assert.Contains("node is not on PATH", missing.Message, StringComparison.Ordinal);
            Assert.Equal(tool, KustoLanguageService.Install(tool, path: tool));
        }
        finally
        {
            Directory.Delete(tool, recursive: true);
        }
    }
}
