namespace MedicApp.Monitoring.Tests.Bicep;

/// <summary>
/// The templates compile and pass the linter (its rules raised to errors by infra/bicepconfig.json) with no warning at
/// all, but for BCP036/BCP037 on the portal tile parts of the dashboard module, which Bicep does not type.
/// </summary>
public sealed class BicepBuildTests
{
    [Fact]
    public async Task Build_MainTemplate_HasNoWarningOutsideTheDashboardTiles()
    {
        var build = await BicepCli.BuildMainAsync();

        Assert.True(build.ExitCode == 0, build.Errors);
        Assert.All(BicepCli.Diagnostics(build.Errors), static d => Assert.True(IsTolerated(d), d.Line));
    }

    [Fact]
    public async Task Lint_EveryTemplate_HasNoFinding()
    {
        foreach (var template in Directory.GetFiles(Repository.PathOf("infra"), "*.bicep", SearchOption.AllDirectories))
        {
            var lint = await BicepCli.RunAsync("lint", Path.GetRelativePath(Repository.Root, template));

            Assert.True(lint.ExitCode == 0, lint.Errors);
            Assert.All(BicepCli.Diagnostics(lint.Errors), static d => Assert.True(IsTolerated(d), d.Line));
        }
    }

    [Fact]
    public async Task Lint_AFinding_IsAnErrorUnderOurConfiguration()
    {
        var directory = Directory.CreateTempSubdirectory("bicep-lint-").FullName;
        try
        {
            File.Copy(Repository.PathOf("infra/bicepconfig.json"), Path.Combine(directory, "bicepconfig.json"));
            await File.WriteAllTextAsync(Path.Combine(directory, "probe.bicep"), "param unused string\n");

            var lint = await BicepCli.RunAsync("lint", Path.Combine(directory, "probe.bicep"));

            Assert.NotEqual(0, lint.ExitCode);
            Assert.Contains(BicepCli.Diagnostics(lint.Errors), static d => d.Code == "no-unused-params" && d.Level == "Error");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static bool IsTolerated((string File, string Level, string Code, string Line) diagnostic)
        => diagnostic.Code is "BCP036" or "BCP037" && diagnostic.Level == "Warning" && diagnostic.File.EndsWith("infra/modules/dashboard.bicep", StringComparison.Ordinal);
}
