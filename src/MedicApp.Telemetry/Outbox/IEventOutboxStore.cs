using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MedicApp.Telemetry;

/// <summary>
/// Where an outbox keeps events until they are delivered: the application's database, written in the transactions of
/// the state changes the events describe. The outbox dispatcher claims events, delivers them and deletes or releases
/// them here; several instances of an application share one store safely, since a claim is a conditional update.
/// </summary>
/// <remarks>
/// MedicApp.Telemetry.EntityFrameworkCore implements it over any EF Core <c>DbContext</c>. The dispatcher calls one
/// method at a time; an exception is reported and retried later, never thrown into the application.
/// </remarks>
public interface IEventOutboxStore
{
    /// <summary>
    /// Claims up to <paramref name="maxCount"/> events available at <paramref name="now"/> (oldest first): sets their
    /// <see cref="OutboxEvent.ClaimToken"/> to <paramref name="claimToken"/> and <see cref="OutboxEvent.AvailableAt"/>
    /// to <paramref name="claimedUntil"/>, only where no other claim holds them, and returns those it claimed.
    /// </summary>
    /// <param name="maxCount">The most events to claim.</param>
    /// <param name="now">The current time, in Unix milliseconds.</param>
    /// <param name="claimedUntil">When the claim expires, in Unix milliseconds.</param>
    /// <param name="claimToken">The claim.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The events claimed.</returns>
    Task<IReadOnlyList<OutboxEvent>> ClaimAsync(int maxCount, long now, long claimedUntil, Guid claimToken, CancellationToken cancellationToken);

    /// <summary>Deletes delivered events.</summary>
    /// <param name="ids">Their ids.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>A task that completes when they are deleted.</returns>
    Task DeleteAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>
    /// Releases events whose delivery failed, to be retried: writes their <see cref="OutboxEvent.Attempts"/>,
    /// <see cref="OutboxEvent.AvailableAt"/> and <see cref="OutboxEvent.LastError"/>, and clears their claim.
    /// </summary>
    /// <param name="events">The events, with the values to write.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>A task that completes when they are released.</returns>
    Task ReleaseAsync(IReadOnlyCollection<OutboxEvent> events, CancellationToken cancellationToken);

    /// <summary>Counts the events waiting and finds when the oldest was tracked.</summary>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The backlog.</returns>
    Task<OutboxBacklog> GetBacklogAsync(CancellationToken cancellationToken);
}
