using System;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using MedicApp.Telemetry.Events;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace MedicApp.Telemetry.Benchmarks;

/// <summary>
/// The cost of an outbox in the application's database: one EF Core <c>SaveChanges</c> of the application's own change
/// (a new patient) alone, then with one and two <c>telemetry_outbox</c> rows inserted in the same transaction, on SQLite
/// and on PostgreSQL. The rows come from <c>patient_registered</c> events tracked with the generated
/// <see cref="EventTracker"/> and the <see cref="OutboxEventSink"/>, so each one includes the SDK's work.
/// </summary>
/// <remarks>
/// Each call takes a context from a pool, as a request does, adds the patient (and the outbox rows) and saves, inside a
/// request's <see cref="Activity"/>, which gives the rows their trace and span ids. Nothing is queued, so BenchmarkDotNet
/// chooses the iteration sizes (about 500 ms each); the setup runs each benchmark for a few seconds before measuring.
/// The iteration count is fixed: a save costs milliseconds and varies with the disk, and BenchmarkDotNet would otherwise
/// run up to 100 iterations looking for a stable mean, minutes per benchmark. PostgreSQL is
/// the server <c>MEDICAPP_BENCH_POSTGRESQL</c> names, else the one
/// <c>MEDICAPP_PG_PORT=55472 MEDICAPP_PG_ROOT=/tmp/medicapp-pg-bench bash eng/postgres.sh connection-string</c>
/// starts: without a server, its rows fail in their setup and show <c>NA</c> with the reason. Each benchmark works in a
/// database of its own, created by EF Core and deleted at the end; the global cleanup fails the run unless the
/// database holds every patient and every row saved and the pipeline lost no event.
/// </remarks>
[MemoryDiagnoser]
[WarmupCount(5)]
[IterationCount(30)]
public class OutboxSaveChangesBenchmarks
{
    /// <summary>The variable that names the PostgreSQL server to use.</summary>
    public const string PostgreSqlVariable = "MEDICAPP_BENCH_POSTGRESQL";

    /// <summary>The server <c>MEDICAPP_PG_PORT=55472 MEDICAPP_PG_ROOT=/tmp/medicapp-pg-bench bash eng/postgres.sh connection-string</c> starts.</summary>
    public const string DefaultPostgreSql = "Host=127.0.0.1;Port=55472;Username=medicapp;Database=postgres";

    private const string Locale = TrackerUnderTest.Locale;

    private readonly string[] _patientIds = TrackerUnderTest.PatientIds;
    private int _next;
    private long _patientsSaved;

    private PooledDbContextFactory<OutboxBenchmarkDbContext> _contexts = null!;
    private string? _sqliteFolder;
    private TrackerUnderTest? _generated;
    private EventTracker _tracker = null!;
    private OutboxEventSink _outbox = null!;
    private Activity _request = null!;

    /// <summary>Gets or sets the database saved to.</summary>
    [Params(OutboxDatabase.Sqlite, OutboxDatabase.PostgreSql)]
    public OutboxDatabase Database { get; set; }

    /// <summary>Sets up the database and the tracker, then saves patients alone for a while.</summary>
    [GlobalSetup(Target = nameof(SaveChanges_Patient))]
    public void SetUpPatient() => SetUp(SaveChanges_Patient);

    /// <summary>Sets up the database and the tracker, then saves patients with one outbox row for a while.</summary>
    [GlobalSetup(Target = nameof(SaveChanges_PatientAndOneOutboxRow))]
    public void SetUpPatientAndOneOutboxRow() => SetUp(SaveChanges_PatientAndOneOutboxRow);

    /// <summary>Sets up the database and the tracker, then saves patients with two outbox rows for a while.</summary>
    [GlobalSetup(Target = nameof(SaveChanges_PatientAndTwoOutboxRows))]
    public void SetUpPatientAndTwoOutboxRows() => SetUp(SaveChanges_PatientAndTwoOutboxRows);

    /// <summary>The application's own change alone: what it pays anyway.</summary>
    /// <returns>A task that completes once the change is committed.</returns>
    [Benchmark(Baseline = true)]
    public Task SaveChanges_Patient() => SaveAsync(events: 0);

    /// <summary>The same change, with the outbox row of one event tracked meanwhile, in the same transaction.</summary>
    /// <returns>A task that completes once the change and the row are committed.</returns>
    [Benchmark]
    public Task SaveChanges_PatientAndOneOutboxRow() => SaveAsync(events: 1);

    /// <summary>The same change, with the outbox rows of two events, in the same transaction.</summary>
    /// <returns>A task that completes once the change and the rows are committed.</returns>
    [Benchmark]
    public Task SaveChanges_PatientAndTwoOutboxRows() => SaveAsync(events: 2);

    /// <summary>Fails the run unless every patient and every outbox row saved is in the database, then deletes it.</summary>
    [GlobalCleanup]
    public void VerifyNothingWasLost()
    {
        if (_generated is null)
        {
            // The setup failed (no PostgreSQL server): it said why.
            return;
        }

        try
        {
            var tracked = _generated.VerifyNothingWasLost();
            using var db = _contexts.CreateDbContext();
            var patients = db.Patients.LongCount();
            var rows = db.TelemetryOutbox.LongCount();
            TrackerUnderTest.Require(patients == _patientsSaved, $"{_patientsSaved} patients saved, {patients} in the database");
            TrackerUnderTest.Require(rows == tracked, $"{tracked} events tracked, {rows} outbox rows in the database");
            Console.WriteLine($"// {Database}: {patients} patients and {rows} outbox rows in the database");
            if (rows > 0)
            {
                var properties = db.TelemetryOutbox.Select(static r => r.Properties).First();
                Console.WriteLine($"// Properties of an outbox row ({Encoding.UTF8.GetByteCount(properties)} bytes): {properties}");
            }
        }
        finally
        {
            using (var db = _contexts.CreateDbContext())
            {
                db.Database.EnsureDeleted();
            }

            _generated.Dispose();
            _request.Dispose();
            if (_sqliteFolder is not null)
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(_sqliteFolder, recursive: true);
            }
        }
    }

    private async Task SaveAsync(int events)
    {
        Activity.Current = _request;
        await using var db = _contexts.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        db.Patients.Add(new RegisteredPatient
        {
            Email = string.Create(CultureInfo.InvariantCulture, $"patient-{++_patientsSaved}@example.test"),
            Phone = "+33612345678",
            Channel = "web",
            Locale = Locale,
            RegisteredAt = now,
            LastActivityAt = now,
        });
        for (var i = 0; i < events; i++)
        {
            _tracker.PatientRegistered(_patientIds[NextPatient()], ClientChannel.Web, Locale);
        }

        _outbox.AddPendingTo(db.TelemetryOutbox);
        await db.SaveChangesAsync().ConfigureAwait(false);
    }

    private void SetUp(Func<Task> benchmark)
    {
        var options = new DbContextOptionsBuilder<OutboxBenchmarkDbContext>();
        if (Database == OutboxDatabase.Sqlite)
        {
            _sqliteFolder = DiskFolder.CreateTemporary("medicapp-outbox-");
            options.UseSqlite("Data Source=" + Path.Combine(_sqliteFolder, "application.db"));
        }
        else
        {
            options.UseNpgsql(PostgreSqlDatabase());
        }

        _contexts = new PooledDbContextFactory<OutboxBenchmarkDbContext>(options.Options);
        using (var db = _contexts.CreateDbContext())
        {
            db.Database.EnsureDeleted();
            db.Database.EnsureCreated();
            DescribeDurability(db);
        }

        _outbox = new OutboxEventSink();
        _generated = TrackerUnderTest.WithOnlySink(_outbox);
        _tracker = _generated.Tracker;
        _request = new Activity("POST /patients").SetIdFormat(ActivityIdFormat.W3C).Start();
        TrackerUnderTest.WarmUp(() => benchmark().GetAwaiter().GetResult(), static () => { });
    }

    /// <summary>A database of this benchmark process's own on the server, created by EnsureCreated.</summary>
    /// <returns>Its connection string.</returns>
    internal static string PostgreSqlDatabase()
    {
        var configured = Environment.GetEnvironmentVariable(PostgreSqlVariable);
        var server = new NpgsqlConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultPostgreSql : configured) { Timeout = 5 };
        try
        {
            using var connection = new NpgsqlConnection(server.ConnectionString);
            connection.Open();
        }
        catch (Exception exception) when (exception is NpgsqlException or SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL skipped: no server answers at {server.Host}:{server.Port} ({exception.Message}). Start one with " +
                $"'MEDICAPP_PG_PORT=55472 MEDICAPP_PG_ROOT=/tmp/medicapp-pg-bench bash eng/postgres.sh connection-string', " +
                $"or set {PostgreSqlVariable} to the connection string of a user allowed to create databases.",
                exception);
        }

        server.Database = string.Create(CultureInfo.InvariantCulture, $"medicapp_outbox_bench_{Environment.ProcessId}");
        return server.ConnectionString;
    }

    // What a commit waits for decides what these numbers mean: print it beside them. SQLite must be in WAL mode, as EF
    // Core creates its databases.
    private void DescribeDurability(OutboxBenchmarkDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        connection.Open();
        try
        {
            if (Database == OutboxDatabase.Sqlite)
            {
                var journalMode = Scalar(connection, "PRAGMA journal_mode");
                if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"EF Core created the SQLite database with journal_mode={journalMode}, not WAL.");
                }

                Console.WriteLine($"// SQLite {Scalar(connection, "select sqlite_version()")}: journal_mode={journalMode}, synchronous={Scalar(connection, "PRAGMA synchronous")} (0 off, 1 normal, 2 full, 3 extra)");
            }
            else
            {
                Console.WriteLine($"// PostgreSQL {Scalar(connection, "SHOW server_version")}: fsync={Scalar(connection, "SHOW fsync")}, synchronous_commit={Scalar(connection, "SHOW synchronous_commit")}, wal_sync_method={Scalar(connection, "SHOW wal_sync_method")}");
            }
        }
        finally
        {
            connection.Close();
        }
    }

    private static string? Scalar(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private int NextPatient() => _next++ & (TrackerUnderTest.Patients - 1);
}
