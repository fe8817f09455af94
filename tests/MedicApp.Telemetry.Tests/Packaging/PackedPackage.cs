using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MedicApp.Telemetry.Contracts;
using Xunit;

namespace MedicApp.Telemetry.Tests.Packaging;

/// <summary>
/// Packs src/MedicApp.Telemetry and src/MedicApp.Telemetry.Testing once for the tests of their packages, with the
/// README's commands, into one feed and under a version of their own so that NuGet's global cache never serves a
/// package packed by an earlier run.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    private static readonly string[] s_ids = ["MedicApp.Telemetry", "MedicApp.Telemetry.Testing", "MedicApp.Telemetry.EntityFrameworkCore"];

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("medicapp-telemetry-package-").FullName;

    public string Version { get; } = "0.0.0-packtest." + Guid.NewGuid().ToString("N");

    public string Feed => Path.Combine(Directory, "feed");

    public string PackagePath => PackagePathOf("MedicApp.Telemetry");

    /// <summary>The package <paramref name="id"/> in the feed, or its symbols package with <c>snupkg</c>.</summary>
    public string PackagePathOf(string id, string extension = "nupkg") => Path.Combine(Feed, $"{id}.{Version}.{extension}");

    /// <summary>Runs the README's pack commands from the repository's root, into this feed and under this version.</summary>
    public async Task InitializeAsync()
    {
        foreach (var command in LocalPackages.PackCommands)
        {
            var shown = string.Join(' ', command);
            Assert.True(command is ["dotnet", "pack", ..] && command.Contains(LocalPackages.Artifacts), $"The README packs with '{shown}', not 'dotnet pack … -o {LocalPackages.Artifacts}'.");
            var arguments = command.Skip(1).Select(a => a == LocalPackages.Artifacts ? Feed : a).Append("-p:PackageVersion=" + Version).ToArray();
            var (exitCode, output) = await DotNetCli.RunAsync(RepositoryRoot.Find(), arguments);
            Assert.True(exitCode == 0, $"{shown} failed:\n" + output);
        }

        Assert.All(s_ids, id => Assert.True(File.Exists(PackagePathOf(id)), $"The README's pack commands do not produce {id}."));
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
