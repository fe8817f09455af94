using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Text.Json;
using System.Threading.Tasks;
using System.Xml.Linq;
using MedicApp.Telemetry.Contracts;
using MedicApp.Tests.Shared;
using Xunit;

namespace MedicApp.Telemetry.Tests.Packaging;

/// <summary>
/// Where each package says it comes from: its licence, its repository at the commit built, and a PDB whose Source Link
/// map lets a debugger fetch every source from GitHub, with none of the build machine's paths.
/// </summary>
public sealed partial class PackageTests
{
    private const string Repository = "https://github.com/medicapp/MedicApp.Telemetry";

    // Custom debug information kinds of the Portable PDB format: the Source Link map, and a source embedded in the PDB.
    private static readonly Guid s_sourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    private static readonly Guid s_embeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    [Theory]
    [InlineData("MedicApp.Telemetry")]
    [InlineData("MedicApp.Telemetry.Testing")]
    [InlineData("MedicApp.Telemetry.EntityFrameworkCore")]
    public async Task Nuspec_OfEachPackage_NamesTheMitLicenceTheRepositoryAtTheCommitBuiltAndTheProject(string id)
    {
        var (_, metadata) = OpenLibraryPackage(id);
        XElement Element(string name) => Assert.Single(metadata.Elements(), e => e.Name.LocalName == name);

        Assert.Equal("expression", (string?)Element("license").Attribute("type"));
        Assert.Equal("MIT", Element("license").Value);
        Assert.Equal(Repository, Element("projectUrl").Value);
        var repository = Element("repository");
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.Equal(Repository, (string?)repository.Attribute("url"));
        Assert.Equal(await GitAsync("rev-parse", "HEAD"), (string?)repository.Attribute("commit"));
    }

    [Theory]
    [InlineData("MedicApp.Telemetry")]
    [InlineData("MedicApp.Telemetry.Testing")]
    [InlineData("MedicApp.Telemetry.EntityFrameworkCore")]
    public async Task Pdb_OfEachPackage_LinksItsSourcesToGitHubAtTheCommitBuiltWithoutTheBuildMachinesPaths(string id)
    {
        using var pdb = OpenPdb(package.PackagePathOf(id, "snupkg"), $"lib/net10.0/{id}.pdb");
        var reader = pdb.GetMetadataReader();
        var commit = await GitAsync("rev-parse", "HEAD");

        var sourceLink = Assert.Single(CustomDebugInformation(reader, s_sourceLinkKind));
        using var map = JsonDocument.Parse(reader.GetBlobBytes(sourceLink.Value));
        var documents = map.RootElement.GetProperty("documents").EnumerateObject().ToDictionary(static p => p.Name, static p => p.Value.GetString());
        Assert.Equal(new Dictionary<string, string?> { ["/_/*"] = $"https://raw.githubusercontent.com/medicapp/MedicApp.Telemetry/{commit}/*" }, documents);

        var root = RepositoryRoot.Find();
        var paths = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToArray();
        Assert.NotEmpty(paths);
        Assert.All(paths, p => Assert.StartsWith("/_/", p, StringComparison.Ordinal));
        Assert.All(paths, p => Assert.DoesNotContain(root, p, StringComparison.Ordinal));

        // A source git does not track (AssemblyInfo, the source generator's output) cannot be fetched: it is embedded.
        var embedded = CustomDebugInformation(reader, s_embeddedSourceKind).Select(c => reader.GetString(reader.GetDocument((DocumentHandle)c.Parent).Name)).ToHashSet();
        Assert.Contains(embedded, static p => p.EndsWith(".AssemblyInfo.cs", StringComparison.Ordinal));
        var tracked = (await GitAsync("ls-files")).Split('\n').ToHashSet();
        Assert.All(paths.Where(p => !embedded.Contains(p)), p => Assert.Contains(p["/_/".Length..], tracked));
    }

    private static MetadataReaderProvider OpenPdb(string symbolsPackage, string entry)
    {
        using var archive = ZipFile.OpenRead(symbolsPackage);
        var pdb = new MemoryStream();
        using (var stream = archive.GetEntry(entry)?.Open() ?? throw new FileNotFoundException($"{entry} is not in {symbolsPackage}."))
        {
            stream.CopyTo(pdb);
        }

        pdb.Position = 0;
        return MetadataReaderProvider.FromPortablePdbStream(pdb);
    }

    private static IEnumerable<CustomDebugInformation> CustomDebugInformation(MetadataReader reader, Guid kind)
        => reader.CustomDebugInformation.Select(reader.GetCustomDebugInformation).Where(c => reader.GetGuid(c.Kind) == kind);

    private static async Task<string> GitAsync(params string[] arguments)
    {
        var result = await ExternalTool.RunAsync("git", RepositoryRoot.Find(), arguments);
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', arguments)} failed:\n{result.Errors}");
        return result.Output.Trim();
    }
}
