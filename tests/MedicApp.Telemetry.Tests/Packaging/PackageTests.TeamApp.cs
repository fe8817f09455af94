using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace MedicApp.Telemetry.Tests.Packaging;

// Another team's web application, as it adopts both packages: its own enums are named like MedicApp's, it publishes
// trimmed and runs with its settings from the environment, and its test project asserts its events with
// MedicApp.Telemetry.Testing and keeps its catalogue's contract, so that renaming a property fails its tests.
public sealed partial class PackageTests
{
    private const string TeamDomain = """
        namespace Clinic.Domain;

        public enum ClientChannel { Desk, Kiosk }

        public enum CancellationReason { Weather, Strike }
        """;

    private const string TeamCatalogue = """
        using Clinic.Domain;
        using MedicApp.Telemetry;

        namespace Clinic;

        public sealed partial class ClinicEvents
        {
            [TelemetryEvent("consent_printed", Area = "Front desk", Description = "A consent form was printed.")]
            public partial void ConsentPrinted(
                [Pseudonymized("The patient, pseudonymized.")] string patientId,
                [NotPersonal("Pages printed.")] int pageCount,
                [NotPersonal("Where it was printed.")] ClientChannel channel,
                [NotPersonal("Why a visit was called off, if one was.")] CancellationReason? reason = null);
        }
        """;

    private const string TeamProgram = """
        using Clinic;
        using Clinic.Domain;
        using MedicApp.Telemetry;

        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddMedicAppTelemetry().AddCatalogue<ClinicEvents>();

        var app = builder.Build();
        app.MapPost("/consents/{patientId}", (string patientId, int pages, ClinicEvents events) =>
        {
            events.ConsentPrinted(patientId, pages, ClientChannel.Kiosk);
            return Results.NoContent();
        });
        app.Run();
        """;

    private const string TeamTests = """
        using Clinic;
        using Clinic.Domain;
        using MedicApp.Telemetry;
        using MedicApp.Telemetry.Testing;
        using Microsoft.Extensions.DependencyInjection;
        using Xunit;

        namespace Clinic.Tests;

        public class ClinicEventsTests
        {
            [Fact]
            public void ConsentPrinted_IsTrackedWithItsPropertiesAsSent()
            {
                var services = new ServiceCollection();
                services.AddMedicAppTelemetry(o => o.Pseudonymization.Key = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")
                    .AddCatalogue<ClinicEvents>()
                    .UseInMemorySink();
                using var provider = services.BuildServiceProvider();

                provider.GetRequiredService<ClinicEvents>().ConsentPrinted("patient-42", 3, ClientChannel.Kiosk);

                var sink = provider.GetRequiredService<InMemoryEventSink>();
                sink.AssertSingle("consent_printed")
                    .AssertProperty("page_count", 3)
                    .AssertProperty("channel", "kiosk")
                    .AssertProperty("patient_id", sink.Pseudonymize("patient-42"))
                    .AssertNoProperty("reason");
                sink.AssertNoOtherEvents();
            }
        }
        """;

    [Fact]
    public async Task TeamWebApp_WithEnumsLikeMedicAppsAndItsOwnTests_PublishesTrimmedTracksAsConfiguredAndFailsOnARename()
    {
        var app = CreateConsumer(
            "team-app",
            new Dictionary<string, string> { ["Domain.cs"] = TeamDomain, ["ClinicEvents.cs"] = TeamCatalogue, ["Program.cs"] = TeamProgram },
            "<PublishTrimmed>true</PublishTrimmed><TrimmerSingleWarn>false</TrimmerSingleWarn>");
        var (publishExitCode, publishOutput) = await DotNetCli.RunAsync(app, "publish", "-c", "Release", "-o", "out");
        Assert.True(publishExitCode == 0, "dotnet publish team-app failed:\n" + publishOutput);
        var warnings = AnalysisWarning().Matches(publishOutput).Select(static m => m.Value.Trim()).Distinct().ToArray();
        Assert.True(
            warnings.All(static w => w.Contains(KnownDependencyWarning, StringComparison.Ordinal)),
            "Trim warnings besides the known one of Microsoft.ApplicationInsights:\n" + string.Join('\n', warnings));

        // Production, with every setting from the environment, as App Service passes them.
        var events = Path.Combine(app, "telemetry", "events.jsonl");
        await using (var running = ConsumerApp.StartExecutable(app, Path.Combine("out", "team-app"), InProduction(new() { ["MedicAppTelemetry__Local__Path"] = events })))
        {
            var listening = await running.WaitForLineAsync("Now listening on: ");
            using var http = new HttpClient { BaseAddress = new Uri(listening[listening.IndexOf("http://", StringComparison.Ordinal)..].Trim()) };
            using var response = await http.PostAsync(new Uri("/consents/patient-42?pages=3", UriKind.Relative), content: null);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            Assert.Equal(0, await running.StopAsync());
        }

        var json = Assert.Single(File.ReadAllLines(events));
        using (var written = JsonDocument.Parse(json))
        {
            var properties = written.RootElement.GetProperty("properties");
            Assert.Equal(PublishedPseudonymizer.Pseudonymize("patient-42"), properties.GetProperty("patient_id").GetString());
            Assert.Equal("kiosk", properties.GetProperty("channel").GetString());
            Assert.Equal("Front desk", properties.GetProperty("event_area").GetString());
        }

        Assert.DoesNotContain("patient-42", json, StringComparison.Ordinal);

        // Its test project: the events asserted through the Testing package, the contract kept as the README shows.
        var tests = CreateTeamTests(app);
        var (firstExitCode, firstOutput) = await DotNetCli.RunAsync(WithoutContinuousIntegration(DotNetCli.StartInfo(tests, "test")), TeamTestDeadline);
        Assert.True(firstExitCode == 0, "The team's tests fail before any change:\n" + firstOutput);
        var baseline = Path.Combine(tests, "ClinicEvents.contract.json");
        Assert.Contains("\"name\": \"page_count\"", File.ReadAllText(baseline), StringComparison.Ordinal);

        // A rename in the catalogue, with the baseline committed: the team's own test run fails and says why.
        File.WriteAllText(Path.Combine(app, "ClinicEvents.cs"), TeamCatalogue.Replace("int pageCount", "int pagesPrinted", StringComparison.Ordinal));
        var renamed = DotNetCli.StartInfo(tests, "test");
        renamed.Environment["CI"] = "true";
        var (renamedExitCode, renamedOutput) = await DotNetCli.RunAsync(renamed, TeamTestDeadline);

        Assert.NotEqual(0, renamedExitCode);
        Assert.Contains(
            "consent_printed: property 'page_count' was removed (renamed to 'pages_printed'? queries reading customDimensions.page_count would find nothing)",
            renamedOutput,
            StringComparison.Ordinal);
        Assert.Contains("Failed Clinic.Tests.ClinicEventsTests.ClinicEvents_KeepTheirContract", renamedOutput, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"page_count\"", File.ReadAllText(baseline), StringComparison.Ordinal);
    }

    private static readonly TimeSpan TeamTestDeadline = TimeSpan.FromMinutes(4);

    // An xUnit project beside the app, with the README's contract check as its second test.
    private string CreateTeamTests(string app)
    {
        var contractCheck = ReadmeBlocks.Read("contract-check")["test"];
        var tests = Directory.CreateDirectory(Path.Combine(package.Directory, "team-app.Tests")).FullName;
        File.WriteAllText(Path.Combine(tests, "team-app.Tests.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{RepositoryPackageVersion("Microsoft.NET.Test.Sdk")}" />
                <PackageReference Include="xunit" Version="{RepositoryPackageVersion("xunit")}" />
                <PackageReference Include="xunit.runner.visualstudio" Version="{RepositoryPackageVersion("xunit.runner.visualstudio")}" />
                <PackageReference Include="MedicApp.Telemetry.Testing" Version="{package.Version}" />
                <ProjectReference Include="{Path.Combine(app, "team-app.csproj")}" />
              </ItemGroup>
            </Project>
            """);
        File.Copy(Path.Combine(app, "nuget.config"), Path.Combine(tests, "nuget.config"));
        File.WriteAllText(
            Path.Combine(tests, "ClinicEventsTests.cs"),
            TeamTests.TrimEnd().TrimEnd('}').TrimEnd() + "\n\n" + Indent(contractCheck) + "\n}\n");
        return tests;
    }

    // A developer's machine: no CI variable, so that the first run writes the contract baseline.
    private static ProcessStartInfo WithoutContinuousIntegration(ProcessStartInfo start)
    {
        start.Environment.Remove("CI");
        return start;
    }

    private static string Indent(string code) => string.Join('\n', code.Split('\n').Select(static line => line.Length == 0 ? line : "    " + line));
}
