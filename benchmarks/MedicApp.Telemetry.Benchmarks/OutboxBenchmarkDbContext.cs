using Microsoft.EntityFrameworkCore;

namespace MedicApp.Telemetry.Benchmarks;

/// <summary>An application's database with a telemetry outbox: its patients, and <c>telemetry_outbox</c>.</summary>
/// <param name="options">The provider and connection.</param>
public sealed class OutboxBenchmarkDbContext(DbContextOptions<OutboxBenchmarkDbContext> options) : DbContext(options)
{
    /// <summary>Gets the application's patients.</summary>
    public DbSet<RegisteredPatient> Patients => Set<RegisteredPatient>();

    /// <summary>Gets the events waiting to be sent.</summary>
    public DbSet<TelemetryOutboxRow> TelemetryOutbox => Set<TelemetryOutboxRow>();

    /// <inheritdoc/>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RegisteredPatient>(static patient =>
        {
            patient.ToTable("patients");
            patient.Property(static p => p.Email).HasMaxLength(256);
            patient.Property(static p => p.Phone).HasMaxLength(32);
            patient.Property(static p => p.Channel).HasMaxLength(32);
            patient.Property(static p => p.Locale).HasMaxLength(16);
            patient.HasIndex(static p => p.Email).IsUnique();
        });

        modelBuilder.Entity<TelemetryOutboxRow>(static row =>
        {
            row.ToTable("telemetry_outbox");
            row.HasKey(static r => r.Id);
            row.Property(static r => r.Id).ValueGeneratedNever();
            row.Property(static r => r.Name).HasMaxLength(TelemetryOutboxRow.MaxNameLength);
            row.Property(static r => r.TraceId).HasMaxLength(32);
            row.Property(static r => r.SpanId).HasMaxLength(16);
            row.HasIndex(static r => r.AvailableAt);
        });
    }
}
