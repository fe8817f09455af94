using System.Security.Cryptography;
using System.Text.Json;
using MedicApp.Api.Data;
using MedicApp.Api.Features.InternalJobs;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Demo;

/// <summary>
/// <c>dotnet run --project samples/MedicApp.Api -- demo</c>: starts the API in-process on its embedded defaults (a fresh
/// SQLite file, the local sink), walks patients through every flow, and exits 0 once every event of the catalogue has
/// reached the local sink's JSON lines file. Command-line settings apply: <c>--ConnectionStrings:MedicApp="Host=…"</c>
/// runs it on PostgreSQL (an empty database), <c>--Demo:Directory=…</c> keeps the database and the events in a folder of
/// your choice (and replaces them there on the next run).
/// </summary>
internal static class DemoCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        output ??= Console.Out;
        var clock = new DemoClock();
        var internalKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var webhookSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var staffPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = Environments.Development });
        var directory = builder.Configuration["Demo:Directory"] is { Length: > 0 } chosen ? Directory.CreateDirectory(chosen).FullName : Directory.CreateTempSubdirectory("medicapp-demo-").FullName;
        var eventsPath = Path.Combine(directory, "events.jsonl");
        var sqlitePath = Path.Combine(directory, "medicapp.db");
        File.Delete(eventsPath);
        File.Delete(sqlitePath);
        var database = builder.Configuration.GetConnectionString("MedicApp") is { Length: > 0 } given ? given : $"Data Source={sqlitePath}";
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        // The demo's own settings come first; the command line still wins.
        builder.Configuration.Sources.Insert(builder.Configuration.Sources.Count - 1, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["ConnectionStrings:MedicApp"] = database,
                ["MedicAppTelemetry:Local:Path"] = eventsPath,
                [InternalJobKeyFilter.VariableName] = internalKey,
                ["Yousign:WebhookSecret"] = webhookSecret,
                ["Staff:Accounts:0:Login"] = DemoScenario.Desk,
                ["Staff:Accounts:0:Password"] = staffPassword,
                ["Staff:Accounts:0:Role"] = "ClinicStaff",
                ["Staff:Accounts:0:ClinicId"] = "clinic-paris-8",
                ["Staff:Accounts:1:Login"] = DemoScenario.Surgeon,
                ["Staff:Accounts:1:Password"] = staffPassword,
                ["Staff:Accounts:1:Role"] = "Practitioner",
                ["Staff:Accounts:1:PractitionerId"] = "prac-0001",
            },
        });

        // The demo shows the local sink: an Application Insights connection string, in configuration or in the
        // environment (which the SDK and the exporter read directly), is not used by this process.
        Environment.SetEnvironmentVariable(ApplicationInsightsSinkOptions.ConnectionStringVariable, null);
        builder.Configuration["MedicAppTelemetry:ApplicationInsights:ConnectionString"] = "";
        builder.Configuration[ApplicationInsightsSinkOptions.ConnectionStringVariable] = "";
        builder.AddMedicAppApi();
        builder.Services.AddSingleton<TimeProvider>(clock);

        await using var app = builder.Build().UseMedicAppApi();
        await app.StartAsync();
        output.WriteLine($"MedicApp API listening on {app.Urls.First()}, on {DatabaseServiceCollectionExtensions.ProviderOf(database)}; events in {eventsPath}");

        using (var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) })
        {
            try
            {
                await new DemoScenario(http, app.Services, clock, internalKey, webhookSecret, staffPassword, output).RunAsync();
            }
            catch (DemoStepException exception)
            {
                output.WriteLine($"Demo failed: {exception.Message}");
                return 1;
            }
        }

        // Stopping the host flushes the sinks: every event is in the file after this.
        await app.StopAsync();
        return Verify(eventsPath, output);
    }

    /// <summary>The names of the events in a local sink file.</summary>
    public static IReadOnlySet<string> EmittedEvents(string eventsPath)
    {
        var emitted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(eventsPath))
        {
            using var document = JsonDocument.Parse(line);
            emitted.Add(document.RootElement.GetProperty("name").GetString()!);
        }

        return emitted;
    }

    private static int Verify(string eventsPath, TextWriter output)
    {
        var emitted = EmittedEvents(eventsPath);
        var missing = EventTracker.Catalogue.Events.Select(static e => e.Name).Where(name => !emitted.Contains(name)).ToList();
        output.WriteLine();
        if (missing.Count > 0)
        {
            output.WriteLine($"Demo incomplete: {missing.Count} events never reached {eventsPath}: {string.Join(", ", missing)}");
            return 1;
        }

        output.WriteLine($"Demo complete: all {EventTracker.Catalogue.Events.Count} events of the catalogue are in {eventsPath}.");
        return 0;
    }
}
