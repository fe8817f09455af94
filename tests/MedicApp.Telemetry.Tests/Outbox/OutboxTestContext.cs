using System;
using Microsoft.EntityFrameworkCore;

namespace MedicApp.Telemetry.Tests.Outbox;

/// <summary>An application's context: one table of its own, and the telemetry outbox.</summary>
public sealed class OutboxTestContext(DbContextOptions<OutboxTestContext> options) : DbContext(options)
{
    public DbSet<Registration> Registrations => Set<Registration>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Registration>();
        modelBuilder.AddTelemetryOutbox();
    }
}

/// <summary>The state change the events describe.</summary>
public sealed class Registration
{
    public Guid Id { get; set; }

    public string Patient { get; set; } = string.Empty;
}
