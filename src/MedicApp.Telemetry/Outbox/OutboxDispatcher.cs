using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MedicApp.Telemetry;

/// <summary>
/// Sends, from the start of the host and then every <see cref="OutboxOptions.PollInterval"/>, the outbox events no
/// process is sending: those a stopped or crashed process left claimed past <see cref="OutboxOptions.ClaimDuration"/>,
/// and those whose delivery failed, once their retry is due. It also keeps the backlog that
/// <see cref="TelemetryHealth"/> publishes.
/// </summary>
internal sealed class OutboxDispatcher(
    OutboxDelivery delivery,
    IEventOutboxStore store,
    TelemetryHealth health,
    IOptions<MedicAppTelemetryOptions> options,
    TimeProvider timeProvider) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value.Outbox;

    /// <summary>Gets the backlog the store reported last.</summary>
    public OutboxBacklog Backlog { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start: the first claim waits for the database.
        await Task.Yield();

        // The store is read on each poll; a collection of the gauges reads what the last poll found.
        using var backlog = health.AddBacklog(OutboxDelivery.SinkName, ReadBacklog);
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                full = await DispatchOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be down: the events wait in it, and the next poll tries again.
                health.SinkFailed(OutboxDelivery.SinkName, "dispatch", exception);
            }

            if (!full)
            {
                try
                {
                    await Task.Delay(_options.PollInterval, timeProvider, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Stops polling, then waits (at most <see cref="OutboxDelivery.ShutdownWait"/>) for the deliveries under way to
    /// settle their rows while the application's services, its database context among them, are still there: a row
    /// left claimed would be sent again by the next process.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await delivery.WhenSettledAsync().WaitAsync(OutboxDelivery.ShutdownWait, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            // What is still claimed is sent by the next dispatcher once the claim expires.
        }
    }

    private BacklogReading ReadBacklog()
    {
        var backlog = Backlog;
        var age = backlog.OldestTrackedAt is { } oldest ? timeProvider.GetUtcNow() - oldest : TimeSpan.Zero;
        return new BacklogReading(0, backlog.Pending, age < TimeSpan.Zero ? TimeSpan.Zero : age);
    }

    /// <summary>
    /// Deletes the rows delivered since the last poll, then claims and delivers one batch; true when the batch was full
    /// and more may wait.
    /// </summary>
    internal async Task<bool> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        await delivery.DeleteDeliveredAsync().ConfigureAwait(false);
        Backlog = await store.GetBacklogAsync(cancellationToken).ConfigureAwait(false);
        var now = delivery.Now;
        if (now < delivery.RetryNotBefore || Backlog.Pending == 0)
        {
            return false;
        }

        var claimedUntil = now + (long)_options.ClaimDuration.TotalMilliseconds;
        var batch = await store.ClaimAsync(_options.BatchSize, now, claimedUntil, delivery.ClaimToken, cancellationToken).ConfigureAwait(false);
        if (batch.Count == 0)
        {
            return false;
        }

        await delivery.DeliverAsync(batch).ConfigureAwait(false);
        return batch.Count == _options.BatchSize;
    }
}
