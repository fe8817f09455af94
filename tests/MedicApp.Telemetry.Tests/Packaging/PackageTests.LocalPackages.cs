using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using MedicApp.Telemetry.Contracts;
using Xunit;

namespace MedicApp.Telemetry.Tests.Packaging;

/// <summary>
/// The README's "Use the package before it is published" as a team follows it: the packages come from the README's
/// pack commands (the fixture runs them), and a new web application and its xUnit project reference them from a folder
/// with the README's nuget.config and commands, then build and test.
/// </summary>
public sealed partial class PackageTests
{
    [Fact]
    public void LocalPackages_VersionTheReadmeReferences_IsTheVersionTheRepositoryPacks()
    {
        var packed = XDocument.Load(Path.Combine(RepositoryRoot.Find(), "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

        Assert.Equal(2, LocalPackages.AddPackageCommands.Count);
        Assert.All(LocalPackages.AddPackageCommands, command => Assert.Equal(packed, VersionOf(command)));
    }

    [Fact]
    public async Task LocalPackages_AsTheReadmeShowsThem_AWebAppAndItsTestProjectReferenceThemBuildAndPass()
    {
        var team = Directory.CreateDirectory(Path.Combine(package.Directory, "team")).FullName;
        Assert.Contains(LocalPackages.ArtifactsPath, LocalPackages.NuGetConfig, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(team, "nuget.config"), LocalPackages.NuGetConfig.Replace(LocalPackages.ArtifactsPath, package.Feed, StringComparison.Ordinal));
        await DotNetAsync(team, "new", "web", "-n", "ClinicApp", "-o", "ClinicApp");
        await DotNetAsync(team, "new", "xunit", "-n", "ClinicApp.Tests", "-o", "ClinicApp.Tests");

        // The README's commands at the version packed: the Testing package in the test project, the SDK in the app.
        foreach (var command in LocalPackages.AddPackageCommands)
        {
            Assert.True(command is ["dotnet", "add", "package", _, ..], "Not a 'dotnet add package' command: " + string.Join(' ', command));
            var project = command[3].EndsWith(".Testing", StringComparison.Ordinal) ? "ClinicApp.Tests" : "ClinicApp";
            var version = VersionOf(command);
            var arguments = command.Skip(1).Select(a => a == version ? package.Version : a).ToArray();
            await DotNetAsync(Path.Combine(team, project), arguments);
        }

        File.WriteAllText(Path.Combine(team, "ClinicApp.Tests", "UnitTest1.cs"), """
            using MedicApp.Telemetry;
            using MedicApp.Telemetry.Testing;
            using Microsoft.Extensions.DependencyInjection;

            namespace ClinicApp.Tests;

            public class UnitTest1
            {
                [Fact]
                public void InMemorySink_WithNothingTracked_HasNoEvent()
                {
                    var services = new ServiceCollection();
                    services.AddMedicAppTelemetry(o => o.Pseudonymization.Key = System.Convert.ToBase64String(new byte[32])).UseInMemorySink();
                    using var provider = services.BuildServiceProvider();

                    provider.GetRequiredService<InMemoryEventSink>().AssertNoOtherEvents();
                }
            }
            """);
        await DotNetAsync(Path.Combine(team, "ClinicApp"), "build");
        var tests = await DotNetAsync(Path.Combine(team, "ClinicApp.Tests"), "test");
        Assert.Contains("Passed!", tests, StringComparison.Ordinal);
    }

    // The argument after --version.
    private static string VersionOf(string[] command)
    {
        var index = Array.IndexOf(command, "--version");
        Assert.True(index > 0 && index < command.Length - 1, "No --version in: " + string.Join(' ', command));
        return command[index + 1];
    }

    private static async Task<string> DotNetAsync(string directory, params string[] arguments)
    {
        var (exitCode, output) = await DotNetCli.RunAsync(directory, arguments);
        Assert.True(exitCode == 0, $"dotnet {string.Join(' ', arguments)} failed in {directory}:\n{output}");
        return output;
    }
}
