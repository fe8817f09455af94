using System;
using MedicApp.Telemetry;
using MedicApp.Telemetry.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Captures the events of a unit of work into the context's outbox.</summary>
public static class TelemetryOutboxDbContextExtensions
{
    /// <summary>
    /// Writes the events tracked from now until the capture is disposed into <paramref name="context"/>'s outbox, with
    /// its next <c>SaveChanges</c>, so that they are committed with the state change they describe. Dispose the capture
    /// after the commit: it then sends them at once.
    /// </summary>
    /// <example>
    /// <code>
    /// await using var events = db.CaptureTelemetryEvents();
    /// patient.JourneyState = JourneyState.FileCompleted;
    /// tracker.PatientDossierCompleted(patient.Id, …);   // written with the change below
    /// await db.SaveChangesAsync();                     // one transaction: the change and its event
    /// </code>
    /// </example>
    /// <param name="context">
    /// A context registered with <c>AddDbContext</c> (it reaches the application's services through it) whose model
    /// calls <see cref="TelemetryOutboxModelBuilderExtensions.AddTelemetryOutbox"/>.
    /// </param>
    /// <returns>The capture; dispose it once the unit of work has committed.</returns>
    /// <exception cref="InvalidOperationException">The context's model has no outbox, or no outbox is registered.</exception>
    public static EventCapture CaptureTelemetryEvents(this DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Model.FindEntityType(typeof(OutboxEvent)) is null)
        {
            throw new InvalidOperationException(
                $"{context.GetType().Name} has no telemetry outbox: call modelBuilder.AddTelemetryOutbox() in its OnModelCreating, and add a migration.");
        }

        var services = context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
            ?? throw new InvalidOperationException(
                $"{context.GetType().Name} does not reach the application's services: register it with services.AddDbContext<{context.GetType().Name}>() " +
                "(or AddDbContextFactory) so that its captures find the telemetry outbox.");
        return new DbContextEventCapture(context, services);
    }
}
