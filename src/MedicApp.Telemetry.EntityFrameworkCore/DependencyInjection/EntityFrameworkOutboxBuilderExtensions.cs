using System;
using System.Diagnostics.CodeAnalysis;
using MedicApp.Telemetry.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MedicApp.Telemetry;

/// <summary>Registers the EF Core outbox on the MedicApp.Telemetry builder.</summary>
public static class EntityFrameworkOutboxBuilderExtensions
{
    /// <summary>
    /// Keeps the outbox in <typeparamref name="TContext"/>'s database: events captured with
    /// <c>dbContext.CaptureTelemetryEvents()</c> are written in its transactions, and a dispatcher, started with the
    /// host, sends what crashes and outages left there. The context's model must call
    /// <c>modelBuilder.AddTelemetryOutbox()</c>.
    /// </summary>
    /// <typeparam name="TContext">The application's context, registered with <c>AddDbContext</c>.</typeparam>
    /// <param name="builder">The telemetry builder.</param>
    /// <returns>The builder.</returns>
    public static MedicAppTelemetryBuilder AddEntityFrameworkOutbox<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TContext>(this MedicAppTelemetryBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddOutbox<EntityFrameworkOutboxStore<TContext>>();
    }
}
