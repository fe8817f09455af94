using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using Xunit;

namespace MedicApp.Telemetry.Tests.Packaging;

/// <summary>
/// The package as a consumer gets it: its layout, and a project that references it, declares a catalogue of its own
/// (the README's example), builds, runs, and sees the generator's diagnostics.
/// </summary>
public sealed class PackageTests(PackedPackage package) : IClassFixture<PackedPackage>
{
    private const string ClinicEvents = """
        using MedicApp.Telemetry;

        public sealed partial class ClinicEvents
        {
            [TelemetryEvent("consent_printed", Area = "CLN-1", Description = "A consent form was printed at the desk.")]
            public partial void ConsentPrinted(
                [Pseudonymized("The patient, pseudonymized.")] string patientId,
                [NotPersonal("The clinic's reference.")] string clinicId,
                [NotPersonal("Pages printed.")] int pageCount);
        }
        """;

    private const string Program = """
        using System;
        using MedicApp.Telemetry;
        using Microsoft.Extensions.DependencyInjection;

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMedicAppTelemetry(o =>
            {
                o.Pseudonymization.Key = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
                o.Pseudonymization.KeyId = "pkg";
            })
            .AddCatalogue<ClinicEvents>();
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ClinicEvents>().ConsentPrinted("patient-42", "clinic-7", 3);
        await provider.GetRequiredService<EventPipeline>().FlushAsync();
        Console.WriteLine("catalogue: " + ClinicEvents.Catalogue.Events[0].Name);
        """;

    [Fact]
    public void Package_HoldsLibraryXmlDocsReadmeAndTheGeneratorAsAnAnalyzer()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        var entries = archive.Entries.Select(static e => e.FullName).ToHashSet();

        Assert.Contains("lib/net10.0/MedicApp.Telemetry.dll", entries);
        Assert.Contains("lib/net10.0/MedicApp.Telemetry.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/MedicApp.Telemetry.Generators.dll", entries);
        Assert.Contains("README.md", entries);
        Assert.DoesNotContain(entries, static e => e.StartsWith("lib/", System.StringComparison.Ordinal) && e.Contains("Generators", System.StringComparison.Ordinal));

        using var nuspec = archive.Entries.Single(static e => e.FullName.EndsWith(".nuspec", System.StringComparison.Ordinal)).Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(static e => e.Name.LocalName == "metadata");
        Assert.Equal("README.md", metadata.Elements().Single(static e => e.Name.LocalName == "readme").Value);
        var dependencies = metadata.Descendants().Where(static e => e.Name.LocalName == "dependency").Select(static e => (string)e.Attribute("id")!).ToArray();
        Assert.Contains("Microsoft.ApplicationInsights", dependencies);
        Assert.DoesNotContain(dependencies, static id => id.Contains("Generators", System.StringComparison.Ordinal) || id.StartsWith("Microsoft.CodeAnalysis", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConsumerProject_DeclaresACatalogueBuildsAndTracksThroughTheLocalSink()
    {
        var project = CreateConsumer("consumer");
        File.WriteAllText(Path.Combine(project, "ClinicEvents.cs"), ClinicEvents);

        var (exitCode, output) = await DotNetCli.RunAsync(project, "run");

        Assert.True(exitCode == 0, "The consumer project failed:\n" + output);
        Assert.Contains("consent_printed (CLN-1 v1) patient_id=pkg:", output, System.StringComparison.Ordinal);
        Assert.Contains("page_count=3", output, System.StringComparison.Ordinal);
        Assert.Contains("catalogue: consent_printed", output, System.StringComparison.Ordinal);
        Assert.DoesNotContain("patient-42", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsumerProject_GetsTheGeneratorsDiagnostics()
    {
        var project = CreateConsumer("consumer-invalid");
        File.WriteAllText(Path.Combine(project, "ClinicEvents.cs"), ClinicEvents.Replace("\"consent_printed\"", "\"ConsentPrinted\"", System.StringComparison.Ordinal));

        var (exitCode, output) = await DotNetCli.RunAsync(project, "build");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error MEDTEL0002", output, System.StringComparison.Ordinal);
    }

    private string CreateConsumer(string name)
    {
        var project = Directory.CreateDirectory(Path.Combine(package.Directory, name)).FullName;
        File.WriteAllText(Path.Combine(project, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MedicApp.Telemetry" Version="{package.Version}" />
                <PackageReference Include="Microsoft.Extensions.Logging" Version="10.0.11" />
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
        File.WriteAllText(Path.Combine(project, "Program.cs"), Program);
        return project;
    }
}
