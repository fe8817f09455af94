using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace MedicApp.Telemetry.EntityFrameworkCore;

/// <summary>
/// Adds each captured event to the context, so its next <c>SaveChanges</c> writes it with the unit of work's changes;
/// when disposed, hands the committed events to delivery.
/// </summary>
/// <remarks>
/// A saved event is committed unless a transaction that held it was rolled back: once the transaction has ended, the
/// capture reads back which of its rows exist (one query by key per unit of work). An event still waiting to be saved was tracked in a unit of work that never saved; one the application detached
/// (<c>ChangeTracker.Clear()</c> after a lost race) was abandoned on purpose, and neither is sent.
/// </remarks>
internal sealed class DbContextEventCapture(DbContext context, IServiceProvider services) : EventCapture(services)
{
    protected override void OnCaptured(OutboxEvent captured) => context.Add(captured);

    protected override void OnCompleted(OutboxDelivery delivery)
    {
        var saved = Saved(delivery);
        if (saved.Count > 0)
        {
            var committed = context.Set<OutboxEvent>().AsNoTracking().Where(e => saved.Contains(e.Id)).Select(static e => e.Id).ToHashSet();
            delivery.SendCommitted(Events.Where(e => committed.Contains(e.Id)).ToList());
        }
    }

    protected override async ValueTask OnCompletedAsync(OutboxDelivery delivery)
    {
        var saved = Saved(delivery);
        if (saved.Count > 0)
        {
            var committed = (await context.Set<OutboxEvent>().AsNoTracking().Where(e => saved.Contains(e.Id)).Select(static e => e.Id).ToListAsync().ConfigureAwait(false)).ToHashSet();
            delivery.SendCommitted(Events.Where(e => committed.Contains(e.Id)).ToList());
        }
    }

    // The events saved, and so committed unless a transaction that held them was rolled back: the rows that exist tell.
    // While a transaction is still open nothing is known yet; the dispatcher sends its events once it has committed.
    // Events never saved are reported; those the application detached were abandoned on purpose.
    private List<Guid> Saved(OutboxDelivery delivery)
    {
        var saved = new List<Guid>();
        var unsaved = 0;
        foreach (var captured in Events)
        {
            var entry = context.Entry(captured);
            switch (entry.State)
            {
                case EntityState.Unchanged:
                    saved.Add(captured.Id);
                    break;
                case EntityState.Added:
                    unsaved++;
                    entry.State = EntityState.Detached;
                    break;
            }
        }

        delivery.ReportUnsaved(unsaved);
        if (context.Database.CurrentTransaction is not null)
        {
            saved.Clear();
        }

        return saved;
    }
}
