using System;
using System.IO;
using System.Threading.Tasks;
using MedicApp.Telemetry.Contracts;
using Xunit;

namespace MedicApp.Telemetry.Tests.Packaging;

/// <summary>
/// Packs src/MedicApp.Telemetry and src/MedicApp.Telemetry.Testing once for the tests of their packages, into one feed,
/// under a version of their own so that NuGet's global cache never serves a package packed by an earlier run.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    // MedicApp.Telemetry.Testing depends on MedicApp.Telemetry at the version packed first.
    private static readonly string[] s_ids = ["MedicApp.Telemetry", "MedicApp.Telemetry.Testing"];

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("medicapp-telemetry-package-").FullName;

    public string Version { get; } = "0.0.0-packtest." + Guid.NewGuid().ToString("N");

    public string Feed => Path.Combine(Directory, "feed");

    public string PackagePath => PackagePathOf("MedicApp.Telemetry");

    /// <summary>The package <paramref name="id"/> in the feed, or its symbols package with <c>snupkg</c>.</summary>
    public string PackagePathOf(string id, string extension = "nupkg") => Path.Combine(Feed, $"{id}.{Version}.{extension}");

    public async Task InitializeAsync()
    {
        foreach (var id in s_ids)
        {
            var project = Path.Combine(RepositoryRoot.Find(), "src", id);
            var (exitCode, output) = await DotNetCli.RunAsync(project, "pack", "-c", "Release", "-o", Feed, "-p:PackageVersion=" + Version);
            Assert.True(exitCode == 0, $"dotnet pack src/{id} failed:\n" + output);
        }
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        foreach (var id in s_ids)
        {
            // NuGet's global packages folder names a package by its id in lower case.
            var cached = Path.Combine(GlobalPackagesFolder(), id.ToLowerInvariant(), Version);
            if (System.IO.Directory.Exists(cached))
            {
                System.IO.Directory.Delete(cached, recursive: true);
            }
        }

        return Task.CompletedTask;
    }

    private static string GlobalPackagesFolder()
        => Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
