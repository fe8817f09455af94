using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MedicApp.Telemetry.EntityFrameworkCore;

/// <summary>
/// Adds each captured event to the context, so its next <c>SaveChanges</c> writes it with the unit of work's changes;
/// when disposed, hands the committed events to delivery.
/// </summary>
/// <remarks>
/// An event saved by a <c>SaveChanges</c> that ran its own transaction is committed when that call returns. One saved
/// inside a transaction the application opened (explicit or ambient) is committed only if that transaction was: once
/// it has ended, the capture reads back which of those rows exist (one query by key per unit of work). An event still
/// waiting to be saved was tracked in a unit of work that never saved; one the application detached
/// (<c>ChangeTracker.Clear()</c> after a lost race) was abandoned on purpose, and neither is sent.
/// </remarks>
internal sealed class DbContextEventCapture : EventCapture
{
    private readonly DbContext _context;
    private readonly HashSet<OutboxEvent> _committed = [];
    private List<OutboxEvent>? _saving;

    public DbContextEventCapture(DbContext context, IServiceProvider services)
        : base(services)
    {
        _context = context;
        context.SavingChanges += OnSaving;
        context.SavedChanges += OnSaved;
        context.SaveChangesFailed += OnSaveFailed;
    }

    protected override void OnCaptured(OutboxEvent captured) => _context.Add(captured);

    protected override void OnCompleted(OutboxDelivery delivery)
    {
        var unknown = Settle(delivery);
        var committed = unknown.Count == 0
            ? []
            : _context.Set<OutboxEvent>().AsNoTracking().Where(e => unknown.Contains(e.Id)).Select(static e => e.Id).ToHashSet();
        Send(delivery, committed);
    }

    protected override async ValueTask OnCompletedAsync(OutboxDelivery delivery)
    {
        var unknown = Settle(delivery);
        var committed = unknown.Count == 0
            ? []
            : (await _context.Set<OutboxEvent>().AsNoTracking().Where(e => unknown.Contains(e.Id)).Select(static e => e.Id).ToListAsync().ConfigureAwait(false)).ToHashSet();
        Send(delivery, committed);
    }

    // A save outside any transaction of the application's commits its own before it returns: its events are committed.
    private void OnSaving(object? sender, SavingChangesEventArgs e)
        => _saving = OwnTransaction() ? [.. Events.Where(captured => _context.Entry(captured).State == EntityState.Added)] : null;

    private void OnSaved(object? sender, SavedChangesEventArgs e)
    {
        if (_saving is { } saving && OwnTransaction())
        {
            _committed.UnionWith(saving.Where(captured => _context.Entry(captured).State == EntityState.Unchanged));
        }

        _saving = null;
    }

    private void OnSaveFailed(object? sender, SaveChangesFailedEventArgs e) => _saving = null;

    private bool OwnTransaction() => _context.Database.CurrentTransaction is null && System.Transactions.Transaction.Current is null;

    // Stops following the context, reports the events never saved and returns those whose commit is still unknown: saved
    // in a transaction of the application's. While such a transaction is still open nothing is known yet; the
    // dispatcher sends its events once it has committed. Events the application detached were abandoned on purpose.
    private List<Guid> Settle(OutboxDelivery delivery)
    {
        _context.SavingChanges -= OnSaving;
        _context.SavedChanges -= OnSaved;
        _context.SaveChangesFailed -= OnSaveFailed;

        var unknown = new List<Guid>();
        var unsaved = 0;
        foreach (var captured in Events)
        {
            var entry = _context.Entry(captured);
            switch (entry.State)
            {
                case EntityState.Unchanged when !_committed.Contains(captured):
                    unknown.Add(captured.Id);
                    break;
                case EntityState.Added:
                    unsaved++;
                    entry.State = EntityState.Detached;
                    break;
            }
        }

        delivery.ReportUnsaved(unsaved);
        if (_context.Database.CurrentTransaction is not null)
        {
            unknown.Clear();
        }

        return unknown;
    }

    private void Send(OutboxDelivery delivery, HashSet<Guid> readBack)
    {
        var committed = Events.Where(e => _committed.Contains(e) || readBack.Contains(e.Id)).ToList();
        delivery.SendCommitted(committed);
    }
}
