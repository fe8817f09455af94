using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using MedicApp.Telemetry.Contracts;
using MedicApp.Telemetry.Tests.Infrastructure;
using MedicApp.Tests.Shared;
using Xunit;

namespace MedicApp.Telemetry.Tests.Packaging;

// A console application published from the package, trimmed and then as Native AOT, with every trim and AOT warning
// reported site by site: none may come from the package, and the published executable must bind its configuration,
// find its catalogue's constructor, pseudonymize with the configured key, scrub exceptions, and send to the local sink
// and to Application Insights.
public sealed partial class PackageTests
{
    private const string PatientId = "patient-42";
    private const string Email = "jeanne.martin@example.fr";

    // Microsoft.ApplicationInsights 3.2.0 reads the Azure VM metadata of its feature statsbeat with reflection-based
    // System.Text.Json (IL2026, and IL3050 for Native AOT). It is the dependency's, and the only warning allowed.
    private const string KnownDependencyWarning = "Microsoft.ApplicationInsights.Internal.FeatureMetricEmissionHelper.GetVmMetadata()";

    private static readonly TimeSpan RunDeadline = TimeSpan.FromSeconds(60);

    // Tracks once, then stops the host; exceptions holding an email go through both scrubbing processors.
    private const string PublishedProgram = $$"""
        using System.Diagnostics;
        using MedicApp.Telemetry;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using Microsoft.Extensions.Logging;
        using OpenTelemetry;
        using OpenTelemetry.Logs;

        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddMedicAppTelemetry().AddCatalogue<ClinicEvents>();
        builder.Services.AddHostedService<ConsentDesk>();
        builder.Build().Run();

        using (var spans = new ScrubbingActivityProcessor(PiiScrubber.Default))
        using (var activity = new Activity("lookup").Start())
        {
            activity.AddException(new InvalidOperationException("No patient with email {{Email}}"));
            spans.OnEnd(activity);
            Console.WriteLine("span exception: " + activity.Events.Single().Tags.Single(static t => t.Key == "exception.message").Value);
        }

        using (var logs = LoggerFactory.Create(static logging => logging.AddOpenTelemetry(static o => o
            .AddProcessor(new ScrubbingLogProcessor(PiiScrubber.Default))
            .AddProcessor(new ExceptionPrinter()))))
        {
            try
            {
                throw new InvalidOperationException("No patient with email {{Email}}");
            }
            catch (InvalidOperationException exception)
            {
                logs.CreateLogger("Lookup").LogError(exception, "Lookup failed");
            }
        }

        sealed class ConsentDesk(ClinicEvents events, IHostApplicationLifetime lifetime) : BackgroundService
        {
            protected override Task ExecuteAsync(CancellationToken stoppingToken)
            {
                events.ConsentPrinted("{{PatientId}}", clinicId: "clinic-7", pageCount: 3);
                lifetime.StopApplication();
                return Task.CompletedTask;
            }
        }

        sealed class ExceptionPrinter : BaseProcessor<LogRecord>
        {
            public override void OnEnd(LogRecord data)
                => Console.WriteLine($"log exception: {data.Exception?.GetType()}: {data.Exception?.Message}");
        }
        """;

    [Fact]
    public async Task TrimmedApp_PublishedFromThePackage_HasNoWarningOfThePackageAndTracksAsConfigured()
    {
        await PublishRunAndCheckAsync("consumer-trimmed", "<PublishTrimmed>true</PublishTrimmed>");
    }

    [Fact]
    public async Task NativeAotApp_PublishedFromThePackage_HasNoWarningOfThePackageAndTracksAsConfigured()
    {
        // Native AOT links with clang (a versioned clang-NN will do) and zlib: .ci/run installs both.
        var linker = Clang() ?? throw new InvalidOperationException(
            "Native AOT needs clang and zlib1g-dev, and no clang is on PATH: sudo apt-get install clang zlib1g-dev");
        var properties = "<PublishAot>true</PublishAot>" + (linker == "clang" ? "" : $"<CppCompilerAndLinker>{linker}</CppCompilerAndLinker>");

        await PublishRunAndCheckAsync("consumer-aot", properties);
    }

    private async Task PublishRunAndCheckAsync(string name, string publishProperties)
    {
        var files = new Dictionary<string, string>
        {
            ["ClinicEvents.cs"] = QuickStart.Files["ClinicEvents.cs"],
            ["Program.cs"] = PublishedProgram,
        };
        var project = CreateConsumer(
            name,
            files,
            $"<OutputType>Exe</OutputType>{publishProperties}<TrimmerSingleWarn>false</TrimmerSingleWarn>",
            sdk: "Microsoft.NET.Sdk",
            items: $"""<PackageReference Include="Microsoft.Extensions.Hosting" Version="{RepositoryPackageVersion("Microsoft.Extensions.Hosting")}" />""");

        var (publishExitCode, publishOutput) = await DotNetCli.RunAsync(project, "publish", "-c", "Release", "-o", "out");

        Assert.True(publishExitCode == 0, $"dotnet publish {name} failed:\n" + publishOutput);
        var warnings = AnalysisWarning().Matches(publishOutput).Select(static m => m.Value.Trim()).Distinct().ToArray();
        Assert.True(
            warnings.All(static w => w.Contains(KnownDependencyWarning, StringComparison.Ordinal)),
            "Trim or AOT warnings besides the known one of Microsoft.ApplicationInsights:\n" + string.Join('\n', warnings));

        // Outside Development, with the key, the file and the console switch from environment variables.
        var events = Path.Combine(project, "events.jsonl");
        var expectedPseudonym = PublishedPseudonymizer.Pseudonymize(PatientId);
        var output = await RunPublishedAsync(project, name, new()
        {
            ["MedicAppTelemetry__Local__Path"] = events,
            ["MedicAppTelemetry__Local__Console"] = "false",
        });

        Assert.DoesNotContain("[telemetry]", output, StringComparison.Ordinal);
        var json = Assert.Single(File.ReadAllLines(events));
        using var written = JsonDocument.Parse(json);
        Assert.Equal("consent_printed", written.RootElement.GetProperty("name").GetString());
        Assert.Equal(expectedPseudonym, written.RootElement.GetProperty("properties").GetProperty("patient_id").GetString());
        Assert.Contains("span exception: No patient with email [email]", output, StringComparison.Ordinal);
        Assert.Contains("log exception: System.InvalidOperationException: No patient with email [email]", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, output, StringComparison.Ordinal);

        // The same executable with a connection string: the Application Insights sink sends the event as it stops.
        using var ingestion = new IngestionServer();
        await RunPublishedAsync(project, name, new()
        {
            ["MedicAppTelemetry__ApplicationInsights__ConnectionString"] = ingestion.ConnectionString,
            ["MedicAppTelemetry__ApplicationInsights__EnableOfflineStorage"] = "false",
            ["APPLICATIONINSIGHTS_STATSBEAT_DISABLED"] = "true",
        });

        var sent = Assert.Single(ingestion.CustomEvents)["data"]!["baseData"]!;
        Assert.Equal("consent_printed", (string?)sent["name"]);
        Assert.Equal(expectedPseudonym, (string?)sent["properties"]!["patient_id"]);
    }

    // Runs the published executable in Production with the pseudonymization key and key id of the environment, besides
    // the given variables, and returns its output once it has stopped by itself.
    private static async Task<string> RunPublishedAsync(string project, string name, Dictionary<string, string> environment)
    {
        var start = ConsumerApp.PublishedStartInfo(project, Path.Combine("out", name), InProduction(environment));
        var (exitCode, output) = await DotNetCli.RunAsync(start, RunDeadline);
        Assert.True(exitCode == 0, $"The published {name} failed ({exitCode}):\n" + output);
        return output;
    }

    // The pseudonymizer of the key and key id that InProduction gives a published application.
    private static Pseudonymizer PublishedPseudonymizer => new(Convert.FromBase64String(TelemetryServices.Key), "k9");

    // Production, as App Service runs it, with the pseudonymization key and key id from the environment.
    private static Dictionary<string, string> InProduction(Dictionary<string, string> environment) => new(environment)
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["MedicAppTelemetry__Pseudonymization__Key"] = TelemetryServices.Key,
        ["MedicAppTelemetry__Pseudonymization__KeyId"] = "k9",
    };

    // clang, else the newest clang-NN on PATH (Debian's clang-14 installs only that name).
    private static string? Clang()
    {
        var names = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(Directory.Exists)
            .SelectMany(static d => Directory.EnumerateFiles(d, "clang*"))
            .Select(Path.GetFileName)
            .ToHashSet(StringComparer.Ordinal);
        return names.Contains("clang")
            ? "clang"
            : names.Where(static n => VersionedClang().IsMatch(n!)).OrderByDescending(static n => int.Parse(n!["clang-".Length..], System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
    }

    private static string RepositoryPackageVersion(string id)
        => XDocument.Load(Path.Combine(RepositoryRoot.Find(), "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == id)
            .Attribute("Version")!.Value;

    // "…: Trim analysis warning IL2026: …", "ILC : AOT analysis warning IL3050: …", and as errors.
    [GeneratedRegex(@"^.*\b(?:warning|error) IL[0-9]{4}\b.*$", RegexOptions.Multiline)]
    private static partial Regex AnalysisWarning();

    [GeneratedRegex(@"^clang-[0-9]+$")]
    private static partial Regex VersionedClang();
}
