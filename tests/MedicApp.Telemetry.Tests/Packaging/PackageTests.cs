using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace MedicApp.Telemetry.Tests.Packaging;

/// <summary>
/// The package as a consumer gets it: its layout, and a web project that references it with the README's quick start
/// as written, builds, runs, tracks, and sees the generator's diagnostics.
/// </summary>
public sealed partial class PackageTests(PackedPackage package) : IClassFixture<PackedPackage>
{
    [Fact]
    public void Package_HoldsLibraryXmlDocsReadmeAndTheGeneratorAsAnAnalyzer()
    {
        var (entries, metadata) = OpenLibraryPackage("MedicApp.Telemetry");

        Assert.Contains("analyzers/dotnet/cs/MedicApp.Telemetry.Generators.dll", entries);
        Assert.DoesNotContain(entries, static e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("Generators", StringComparison.Ordinal));
        var dependencies = metadata.Descendants().Where(static e => e.Name.LocalName == "dependency").Select(static e => (string)e.Attribute("id")!).ToArray();
        Assert.Contains("Microsoft.ApplicationInsights", dependencies);
        Assert.DoesNotContain(dependencies, static id => id.Contains("Generators", StringComparison.Ordinal) || id.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Fact]
    public void TestingPackage_AsPacked_HoldsLibraryXmlDocsReadmeAndDependsOnTheSdkOfItsVersion()
    {
        var (entries, metadata) = OpenLibraryPackage("MedicApp.Telemetry.Testing");

        Assert.DoesNotContain(entries, static e => e.StartsWith("analyzers/", StringComparison.Ordinal));
        var sdk = Assert.Single(metadata.Descendants(), static e => e.Name.LocalName == "dependency" && (string?)e.Attribute("id") == "MedicApp.Telemetry");
        Assert.Equal(package.Version, (string?)sdk.Attribute("version"));
    }

    [Fact]
    public void EntityFrameworkCorePackage_AsPacked_DependsOnTheSdkOfItsVersionAndEfCoreRelationalOnly()
    {
        var (entries, metadata) = OpenLibraryPackage("MedicApp.Telemetry.EntityFrameworkCore");

        Assert.Contains("lib/net10.0/MedicApp.Telemetry.EntityFrameworkCore.dll", entries);
        Assert.DoesNotContain(entries, static e => e.StartsWith("analyzers/", StringComparison.Ordinal));
        var dependencies = metadata.Descendants().Where(static e => e.Name.LocalName == "dependency").ToDictionary(static e => (string)e.Attribute("id")!, static e => (string?)e.Attribute("version"));
        Assert.Equal(package.Version, dependencies["MedicApp.Telemetry"]);
        Assert.Contains("Microsoft.EntityFrameworkCore.Relational", dependencies.Keys);
        Assert.DoesNotContain(dependencies.Keys, static id => id.Contains("Sqlite", StringComparison.Ordinal) || id.Contains("Npgsql", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QuickStart_AsTheReadmeShowsIt_BuildsRunsAndTracksToTheConsoleAndTheFile()
    {
        var files = QuickStart.Files.Where(static f => f.Key != "output").ToDictionary();
        var project = CreateConsumer("consumer", files);
        var (exitCode, output) = await DotNetCli.RunAsync(project, "build", "-o", "out");
        Assert.True(exitCode == 0, "The quick start does not build:\n" + output);

        await using var app = ConsumerApp.Start(project, Path.Combine("out", "consumer.dll"));
        var listening = await app.WaitForLineAsync("Now listening on: ");
        using var http = new HttpClient { BaseAddress = new Uri(listening[(listening.IndexOf("http://", StringComparison.Ordinal))..].Trim()) };
        using var response = await http.PostAsync(new Uri("/consents/patient-42?pages=3", UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var line = await app.WaitForLineAsync("consent_printed");
        Assert.Equal(WithoutTime(QuickStart.Files["output"].Split('\n')[0]), WithoutTime(line));
        Assert.Equal(0, await app.StopAsync());

        var json = Assert.Single(File.ReadAllLines(Path.Combine(project, "telemetry", "events.jsonl")));
        using var written = JsonDocument.Parse(json);
        Assert.Equal("consent_printed", written.RootElement.GetProperty("name").GetString());
        var properties = written.RootElement.GetProperty("properties");
        Assert.Equal(line.Split("patient_id=")[1].Split(' ')[0], properties.GetProperty("patient_id").GetString());
        Assert.Equal("3", properties.GetProperty("page_count").GetString());
        Assert.DoesNotContain("patient-42", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsumerProject_GetsTheGeneratorsDiagnostics()
    {
        var files = QuickStart.Files.Where(static f => f.Key != "output").ToDictionary();
        files["ClinicEvents.cs"] = files["ClinicEvents.cs"].Replace("\"consent_printed\"", "\"ConsentPrinted\"", StringComparison.Ordinal);
        var project = CreateConsumer("consumer-invalid", files);

        var (exitCode, output) = await DotNetCli.RunAsync(project, "build");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error MEDTEL0002", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsumerProject_WithEnumsNamedLikeMedicApps_BuildsWithoutAmbiguity()
    {
        // The SDK's namespace holds the SDK alone: an application's own ClientChannel or CancellationReason, imported
        // beside `using MedicApp.Telemetry;` into its catalogue, must not meet MedicApp's (CS0104, MEDTEL0005, CS0759).
        var files = QuickStart.Files.Where(static f => f.Key != "output").ToDictionary();
        files["Channels.cs"] = """
            namespace Clinic.Domain;

            public enum ClientChannel { Desk, Kiosk }

            public enum CancellationReason { Weather, Strike }
            """;
        files["ClinicEvents.cs"] = "using Clinic.Domain;\n" + files["ClinicEvents.cs"].Replace(
            "[NotPersonal(\"Pages printed.\")] int pageCount);",
            "[NotPersonal(\"Pages printed.\")] int pageCount,\n        [NotPersonal(\"Where it was printed.\")] ClientChannel channel = ClientChannel.Desk,\n        [NotPersonal(\"Why a visit was called off.\")] CancellationReason? reason = null);",
            StringComparison.Ordinal);
        Assert.Contains("ClientChannel channel", files["ClinicEvents.cs"], StringComparison.Ordinal);
        var project = CreateConsumer("consumer-own-enums", files);

        var (exitCode, output) = await DotNetCli.RunAsync(project, "build");

        Assert.True(exitCode == 0, "A consumer's own enums clash with the package's types:\n" + output);
    }

    [Fact]
    public async Task ConsumerProject_LangVersion10_GetsTheLanguageVersionErrorFirstAndNoneInGeneratedCode()
    {
        var files = QuickStart.Files.Where(static f => f.Key != "output").ToDictionary();
        var project = CreateConsumer("consumer-csharp10", files, "<LangVersion>10</LangVersion>");

        var (exitCode, output) = await DotNetCli.RunAsync(project, "build");

        // The registration, AddCatalogue<ClinicEvents>(), needs the ITelemetryCatalogue that C# 10 cannot implement: the
        // compiler rejects it in Program.cs (CS0311), after the MEDTEL error that says why and what to change.
        Assert.NotEqual(0, exitCode);
        var errors = BuildError().Matches(output).Select(static m => m.Groups["file"].Value + ": " + m.Groups["id"].Value).Distinct().ToArray();
        Assert.True(errors.SequenceEqual(["ClinicEvents.cs: MEDTEL0027", "Program.cs: CS0311"]), "Unexpected errors:\n" + output);
        Assert.Contains("<LangVersion>11</LangVersion>", output, StringComparison.Ordinal);
    }

    // What each package holds: the library with its XML docs, and a README that the nuspec names; its files and metadata.
    private (HashSet<string> Entries, XElement Metadata) OpenLibraryPackage(string id)
    {
        using var archive = ZipFile.OpenRead(package.PackagePathOf(id));
        var entries = archive.Entries.Select(static e => e.FullName).ToHashSet();
        Assert.Contains($"lib/net10.0/{id}.dll", entries);
        Assert.Contains($"lib/net10.0/{id}.xml", entries);
        Assert.Contains("README.md", entries);

        // The nuspec's <metadata>, whatever the namespace NuGet wrote it in.
        using var nuspec = archive.Entries.Single(static e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(static e => e.Name.LocalName == "metadata");
        Assert.Equal("README.md", metadata.Elements().Single(static e => e.Name.LocalName == "readme").Value);
        return (entries, metadata);
    }

    // "/tmp/…/consumer/ClinicEvents.cs(3,29): error MEDTEL0027: …", as MSBuild prints a compiler error.
    [GeneratedRegex(@"(?<file>[^/\\\s]+)\(\d+,\d+\): error (?<id>[A-Z]+[0-9]+):")]
    private static partial Regex BuildError();

    // "[telemetry] 10:02:51.347 consent_printed …": the time of day differs from run to run.
    private static string WithoutTime(string line) => line[..line.IndexOf(' ', StringComparison.Ordinal)] + line[line.IndexOf(' ', line.IndexOf(' ', StringComparison.Ordinal) + 1)..];

    // A project as `dotnet new web` (or, with the SDK Microsoft.NET.Sdk, `dotnet new console`) creates it, with the
    // package from the test's own feed.
    private string CreateConsumer(string name, IReadOnlyDictionary<string, string> files, string properties = "", string sdk = "Microsoft.NET.Sdk.Web", string items = "")
    {
        var project = Directory.CreateDirectory(Path.Combine(package.Directory, name)).FullName;
        File.WriteAllText(Path.Combine(project, name + ".csproj"), $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MedicApp.Telemetry" Version="{package.Version}" />
                {items}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="medicapp-telemetry-under-test" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);
        foreach (var (file, text) in files)
        {
            File.WriteAllText(Path.Combine(project, file), text);
        }

        return project;
    }
}
