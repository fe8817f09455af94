namespace MedicApp.Telemetry.Benchmarks;

/// <summary>The database an outbox benchmark saves to.</summary>
public enum OutboxDatabase
{
    /// <summary>A SQLite file, created by EF Core (in WAL mode).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: <c>MEDICAPP_BENCH_POSTGRESQL</c>, else the one <c>eng/postgres.sh</c> starts on port 55472.</summary>
    PostgreSql,
}
