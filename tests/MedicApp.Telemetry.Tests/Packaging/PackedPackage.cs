using System;
using System.IO;
using System.Threading.Tasks;
using MedicApp.Telemetry.Contracts;
using Xunit;

namespace MedicApp.Telemetry.Tests.Packaging;

/// <summary>
/// Packs src/MedicApp.Telemetry once for the tests of its package, under a version of its own so that NuGet's global
/// cache never serves a package packed by an earlier run.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("medicapp-telemetry-package-").FullName;

    public string Version { get; } = "0.0.0-packtest." + Guid.NewGuid().ToString("N");

    public string Feed => Path.Combine(Directory, "feed");

    public string PackagePath => Path.Combine(Feed, $"MedicApp.Telemetry.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        var project = Path.Combine(RepositoryRoot.Find(), "src", "MedicApp.Telemetry");
        var (exitCode, output) = await DotNetCli.RunAsync(project, "pack", "-c", "Release", "-o", Feed, "-p:PackageVersion=" + Version);
        Assert.True(exitCode == 0, "dotnet pack src/MedicApp.Telemetry failed:\n" + output);
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        var cached = Path.Combine(GlobalPackagesFolder(), "medicapp.telemetry", Version);
        if (System.IO.Directory.Exists(cached))
        {
            System.IO.Directory.Delete(cached, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static string GlobalPackagesFolder()
        => Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
