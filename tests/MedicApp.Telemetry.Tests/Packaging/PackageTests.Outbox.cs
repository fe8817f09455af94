using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using MedicApp.Tests.Shared;
using Xunit;

namespace MedicApp.Telemetry.Tests.Packaging;

/// <summary>
/// The EF Core outbox as a team uses it, from the packed packages: a web application on SQLite answers requests
/// during an ingestion outage, is killed with SIGKILL, and restarted without traffic once ingestion is back.
/// </summary>
public sealed partial class PackageTests
{
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task OutboxConsumer_KilledDuringAnOutage_DeliversEveryAnsweredEventAfterARestartWithoutTraffic()
    {
        const int Patients = 12;
        var project = CreateConsumer("consumer-outbox", OutboxConsumerFiles, items: $"""
            <PackageReference Include="MedicApp.Telemetry.EntityFrameworkCore" Version="{package.Version}" />
            <PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="{RepositoryPackageVersion("Microsoft.EntityFrameworkCore.Sqlite")}" />
            """);
        var (exitCode, output) = await DotNetCli.RunAsync(project, "build", "-o", "out");
        Assert.True(exitCode == 0, "The outbox consumer does not build:\n" + output);

        using var ingestion = new IngestionServer { Answer = static _ => IngestionAnswer.Failed(503) };
        var environment = InProduction(new()
        {
            ["ConnectionStrings__Clinic"] = $"Data Source={Path.Combine(project, "clinic.db")}",
            ["MedicAppTelemetry__ApplicationInsights__ConnectionString"] = ingestion.ConnectionString,
            ["MedicAppTelemetry__ApplicationInsights__StorageDirectory"] = Path.Combine(project, "offline"),
            ["MedicAppTelemetry__Outbox__ClaimDuration"] = "00:00:05",
            ["MedicAppTelemetry__Outbox__PollInterval"] = "00:00:01",
            ["APPLICATIONINSIGHTS_STATSBEAT_DISABLED"] = "true",
        });

        var answered = new List<string>();
        await using (var crashing = ConsumerApp.Start(project, Path.Combine("out", "consumer-outbox.dll"), environment))
        {
            using var http = await ClientOfAsync(crashing);
            for (var i = 0; i < Patients; i++)
            {
                using var response = await http.PostAsync(new Uri($"/patients/patient-{i}", UriKind.Relative), content: null);
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    answered.Add(PublishedPseudonymizer.Pseudonymize($"patient-{i}"));
                }
            }

            await ingestion.FirstRequestReceived.WaitAsync(RecoveryDeadline);
            await crashing.KillAsync();
        }

        Assert.Equal(Patients, answered.Count);
        Assert.Empty(ingestion.CustomEvents);
        ingestion.Answer = static count => IngestionAnswer.Accepted(count);

        await using var restarted = ConsumerApp.Start(project, Path.Combine("out", "consumer-outbox.dll"), environment);
        await restarted.WaitForLineAsync("Now listening on: ");
        try
        {
            await ingestion.WaitForCustomEventsAsync(Patients, RecoveryDeadline);
        }
        catch (TimeoutException)
        {
        }

        var received = ingestion.CustomEvents.Select(static e => (string?)e["data"]?["baseData"]?["properties"]?["patient_id"]).ToList();
        var delivered = received.Distinct().Count();
        var lost = answered.Except(received!).Count();
        Assert.True(
            lost == 0 && received.Count == delivered,
            $"delivered {delivered}, duplicated {received.Count - delivered}, lost {lost} of {Patients} answered.\n{restarted.Output}");
    }

    private static async Task<HttpClient> ClientOfAsync(ConsumerApp app)
    {
        var listening = await app.WaitForLineAsync("Now listening on: ");
        return new HttpClient { BaseAddress = new Uri(listening[listening.IndexOf("http://", StringComparison.Ordinal)..].Trim()) };
    }

    private static Dictionary<string, string> OutboxConsumerFiles => new()
    {
        ["Program.cs"] = """
            using MedicApp.Telemetry;
            using MedicApp.Telemetry.Events;
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<ClinicDb>(o => o.UseSqlite(builder.Configuration.GetConnectionString("Clinic")));
            builder.Services.AddMedicAppTelemetry().AddEntityFrameworkOutbox<ClinicDb>();
            var app = builder.Build();
            using (var scope = app.Services.CreateScope())
            {
                scope.ServiceProvider.GetRequiredService<ClinicDb>().Database.EnsureCreated();
            }

            app.MapPost("/patients/{id}", async (string id, ClinicDb db, EventTracker tracker) =>
            {
                await using var events = db.CaptureTelemetryEvents();
                db.Patients.Add(new Patient { Id = id });
                tracker.PatientRegistered(id, ClientChannel.Web);
                await db.SaveChangesAsync();
                return Results.NoContent();
            });
            app.Run();

            public sealed class ClinicDb(DbContextOptions<ClinicDb> options) : DbContext(options)
            {
                public DbSet<Patient> Patients => Set<Patient>();

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Patient>();
                    modelBuilder.AddTelemetryOutbox();
                }
            }

            public sealed class Patient
            {
                public string Id { get; set; } = "";
            }
            """,
    };
}
