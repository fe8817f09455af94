using System;
using MedicApp.Telemetry;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Adds the telemetry outbox table to an EF Core model.</summary>
public static class TelemetryOutboxModelBuilderExtensions
{
    /// <summary>The default name of the outbox table.</summary>
    public const string DefaultTableName = "TelemetryOutbox";

    /// <summary>
    /// Maps <see cref="OutboxEvent"/> to the outbox table, so that events are written in the context's transactions. Call
    /// it from <c>OnModelCreating</c>, then add a migration: the table is part of the application's schema.
    /// </summary>
    /// <param name="modelBuilder">The model of the application's <c>DbContext</c>.</param>
    /// <param name="tableName">The table name; <see cref="DefaultTableName"/> unless given.</param>
    /// <returns>The model builder.</returns>
    public static ModelBuilder AddTelemetryOutbox(this ModelBuilder modelBuilder, string tableName = DefaultTableName)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        modelBuilder.Entity<OutboxEvent>(static outbox =>
        {
            outbox.HasKey(static e => e.Id);

            // The event id is made by the SDK: the database must not generate one.
            outbox.Property(static e => e.Id).ValueGeneratedNever();
            outbox.Property(static e => e.Name).HasMaxLength(128).IsRequired();

            // Ticks in UTC: every database orders and aggregates a number, which SQLite cannot do with a DateTimeOffset.
            outbox.Property(static e => e.TrackedAt).HasConversion(static v => v.UtcTicks, static v => new DateTimeOffset(v, TimeSpan.Zero));

            // A JSON object of up to 100 properties of up to 8 KB each: no length a model convention could impose fits.
            var properties = outbox.Property(static e => e.Properties).HasColumnType("text").IsRequired();
            properties.Metadata.SetMaxLength(null);
            outbox.Property(static e => e.TraceId).HasMaxLength(32);
            outbox.Property(static e => e.SpanId).HasMaxLength(16);
            outbox.Property(static e => e.LastError).HasMaxLength(256);

            // The dispatcher claims the events available first.
            outbox.HasIndex(static e => e.AvailableAt);
        });
        modelBuilder.Entity<OutboxEvent>().ToTable(tableName);
        return modelBuilder;
    }
}
