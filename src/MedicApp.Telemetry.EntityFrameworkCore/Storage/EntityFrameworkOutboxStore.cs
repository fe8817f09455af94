using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedicApp.Telemetry.EntityFrameworkCore;

/// <summary>
/// The outbox in the application's database, through a <typeparamref name="TContext"/> of its own for each call. A claim
/// is a conditional update: each candidate row is taken only if it is still available when the update reaches it, so
/// that two instances never both claim one event (PostgreSQL re-checks the condition on a row another transaction
/// changed; SQLite runs one writer at a time).
/// </summary>
/// <typeparam name="TContext">The application's context, whose model has the outbox.</typeparam>
internal sealed class EntityFrameworkOutboxStore<TContext>(IServiceScopeFactory scopes) : IEventOutboxStore
    where TContext : DbContext
{
    public async Task<IReadOnlyList<OutboxEvent>> ClaimAsync(int maxCount, long now, long claimedUntil, Guid claimToken, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = Outbox(scope);
        var candidates = await outbox.AsNoTracking()
            .Where(e => e.AvailableAt <= now)
            .OrderBy(static e => e.AvailableAt)
            .Select(static e => e.Id)
            .Take(maxCount)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (candidates.Count == 0)
        {
            return [];
        }

        await outbox
            .Where(e => candidates.Contains(e.Id) && e.AvailableAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(static e => e.ClaimToken, claimToken).SetProperty(static e => e.AvailableAt, claimedUntil), cancellationToken)
            .ConfigureAwait(false);
        return await outbox.AsNoTracking()
            .Where(e => candidates.Contains(e.Id) && e.ClaimToken == claimToken && e.AvailableAt == claimedUntil)
            .OrderBy(static e => e.TrackedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var list = ids as List<Guid> ?? [.. ids];
        await using var scope = scopes.CreateAsyncScope();
        await Outbox(scope).Where(e => list.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ReleaseAsync(IReadOnlyCollection<OutboxEvent> events, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = Outbox(scope);

        // One update per outcome: the events of a failed delivery share their retry time and, mostly, their error.
        foreach (var group in events.GroupBy(static e => (e.Attempts, e.AvailableAt, e.LastError)))
        {
            var ids = group.Select(static e => e.Id).ToList();
            var (attempts, availableAt, lastError) = group.Key;
            await outbox
                .Where(e => ids.Contains(e.Id))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(static e => e.Attempts, attempts)
                        .SetProperty(static e => e.AvailableAt, availableAt)
                        .SetProperty(static e => e.LastError, lastError)
                        .SetProperty(static e => e.ClaimToken, (Guid?)null),
                    cancellationToken)
                .ConfigureAwait(false);
        }
    }

    public async Task<OutboxBacklog> GetBacklogAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = Outbox(scope).AsNoTracking();
        var pending = await outbox.LongCountAsync(cancellationToken).ConfigureAwait(false);
        if (pending == 0)
        {
            return new OutboxBacklog(0, null);
        }

        var oldest = await outbox.MinAsync(static e => (DateTimeOffset?)e.TrackedAt, cancellationToken).ConfigureAwait(false);
        return new OutboxBacklog(pending, oldest);
    }

    private static DbSet<OutboxEvent> Outbox(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<TContext>().Set<OutboxEvent>();
}
