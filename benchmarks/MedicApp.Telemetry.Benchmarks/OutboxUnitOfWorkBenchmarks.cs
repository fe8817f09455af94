using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using MedicApp.Telemetry.Events;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedicApp.Telemetry.Benchmarks;

/// <summary>
/// What the outbox costs a request: one unit of work that registers a patient on a SQLite file or a PostgreSQL database
/// and reports it, today's way (save, then track to the Application Insights sink) against the outbox's (track inside a
/// capture, save the event with the patient in one transaction, then send it when the capture ends). Both send to the
/// same loopback ingestion endpoint; the outbox deletes delivered rows in the background, in batches, and every
/// iteration waits for that work, so it is not left to the next one.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(UnitsPerIteration)]
public class OutboxUnitOfWorkBenchmarks
{
    private const int UnitsPerIteration = 256;
    private const string PseudonymizationKey = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private static readonly TimeSpan DeliveryDeadline = TimeSpan.FromSeconds(60);

    private string _folder = null!;
    private LoopbackIngestionEndpoint _endpoint = null!;
    private ServiceProvider _services = null!;
    private EventTracker _tracker = null!;
    private long _tracked;

    /// <summary>Gets or sets the database saved to.</summary>
    [Params(OutboxDatabase.Sqlite, OutboxDatabase.PostgreSql)]
    public OutboxDatabase Database { get; set; }

    /// <summary>Creates the database and the services for the benchmark that runs next.</summary>
    [GlobalSetup]
    public void SetUp()
    {
        Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");
        _folder = Directory.CreateTempSubdirectory("medicapp-outbox-bench-").FullName;
        _endpoint = new LoopbackIngestionEndpoint();
        var services = new ServiceCollection();
        var connectionString = Database == OutboxDatabase.Sqlite
            ? $"Data Source={Path.Combine(_folder, "clinic.db")}"
            : OutboxSaveChangesBenchmarks.PostgreSqlDatabase();
        services.AddDbContext<ClinicContext>(options =>
        {
            if (Database == OutboxDatabase.Sqlite)
            {
                options.UseSqlite(connectionString);
            }
            else
            {
                options.UseNpgsql(connectionString);
            }
        });
        services.AddMedicAppTelemetry(options =>
        {
            options.ApplicationInsights.ConnectionString = _endpoint.ConnectionString;
            options.ApplicationInsights.EnableOfflineStorage = false;
            options.Pseudonymization.Key = PseudonymizationKey;
        }).AddEntityFrameworkOutbox<ClinicContext>();
        _services = services.BuildServiceProvider();
        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicContext>().Database;
            db.EnsureDeleted();
            db.EnsureCreated();
        }

        _tracker = _services.GetRequiredService<EventTracker>();

        // Both paths run before the measured ones, so that the JIT reaches the optimized code a service spends its life in.
        for (var round = 0; round < 8; round++)
        {
            for (var i = 0; i < UnitsPerIteration; i++)
            {
                SaveThenTrack().GetAwaiter().GetResult();
                TrackInCaptureThenSave().GetAwaiter().GetResult();
            }

            Settle();
        }
    }

    /// <summary>Today's path: the patient is saved, then its event is tracked; a crash in between loses the event.</summary>
    /// <returns>A task that completes with the unit of work.</returns>
    [Benchmark(Baseline = true)]
    public async Task SaveThenTrack()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicContext>();
        var patient = NextPatient();
        db.Patients.Add(patient);
        await db.SaveChangesAsync();
        _tracker.PatientRegistered(patient.Id, ClientChannel.Web, "fr-FR");
    }

    /// <summary>The outbox: the event is committed with the patient, then sent.</summary>
    /// <returns>A task that completes with the unit of work.</returns>
    [Benchmark]
    public async Task TrackInCaptureThenSave()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicContext>();
        await using var events = db.CaptureTelemetryEvents();
        var patient = NextPatient();
        db.Patients.Add(patient);
        _tracker.PatientRegistered(patient.Id, ClientChannel.Web, "fr-FR");
        await db.SaveChangesAsync();
    }

    /// <summary>Waits for every event of the iteration to be delivered, and for the outbox to settle its rows.</summary>
    [IterationCleanup]
    public void Settle()
    {
        _services.GetRequiredService<EventPipeline>().FlushAsync().GetAwaiter().GetResult();
        _services.GetRequiredService<OutboxDelivery>().WhenSettledAsync().Wait(DeliveryDeadline);
        _endpoint.WaitForCustomEvents(_tracked, DeliveryDeadline);
    }

    /// <summary>Fails the run unless every event arrived once and the outbox is empty.</summary>
    [GlobalCleanup]
    public void CleanUp()
    {
        try
        {
            Settle();
            var health = _services.GetRequiredService<TelemetryHealth>().GetStatistics();
            using var scope = _services.CreateScope();
            var left = scope.ServiceProvider.GetRequiredService<ClinicContext>().Set<OutboxEvent>().Count();
            if (_endpoint.CustomEvents != _tracked || left != 0 || health.EventsDropped != 0 || health.EventsFailed != 0)
            {
                throw new InvalidOperationException(
                    $"Tracked {_tracked}, received {_endpoint.CustomEvents}, {left} left in the outbox, {health.EventsDropped} dropped, {health.EventsFailed} failed.");
            }
        }
        finally
        {
            using (var scope = _services.CreateScope())
            {
                scope.ServiceProvider.GetRequiredService<ClinicContext>().Database.EnsureDeleted();
            }

            _services.Dispose();
            _endpoint.Dispose();
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }

    private Patient NextPatient()
    {
        _tracked++;
        return new Patient { Id = "patient-" + Guid.NewGuid().ToString("N") };
    }

    /// <summary>The application's context: its patients, and the outbox.</summary>
    public sealed class ClinicContext(DbContextOptions<ClinicContext> options) : DbContext(options)
    {
        /// <summary>Gets the patients.</summary>
        public DbSet<Patient> Patients => Set<Patient>();

        /// <inheritdoc/>
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Patient>();
            modelBuilder.AddTelemetryOutbox();
        }
    }

    /// <summary>A registered patient.</summary>
    public sealed class Patient
    {
        /// <summary>Gets or sets the id.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>Gets or sets when the patient registered.</summary>
        public DateTimeOffset RegisteredAt { get; set; } = DateTimeOffset.UtcNow;
    }
}
