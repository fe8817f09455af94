using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MedicApp.Telemetry;

/// <summary>
/// Deletes delivered rows in batches, one statement at a time: once <c>batchSize</c> rows wait, or when the dispatcher
/// polls (<see cref="FlushAsync"/>). A busy application so writes one delete per batch instead of one per unit of work;
/// this matters most on SQLite, where a save that meets another writer waits for Microsoft.Data.Sqlite's busy retry
/// (150 ms), and helps PostgreSQL, where each delete is a commit of its own. A delivered row stays claimed until it
/// is deleted, so no other process sends it meanwhile.
/// </summary>
internal sealed class OutboxRowDeleter(IEventOutboxStore store, TelemetryHealth health, int batchSize)
{
    private readonly object _gate = new();
    private List<Guid> _pending = [];
    private TaskCompletionSource _batch = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _running;
    private bool _flushRequested;
    private int _eager;

    /// <summary>Queues rows for deletion, in the next statement once a batch is full or a flush is asked.</summary>
    /// <param name="ids">The delivered rows.</param>
    /// <returns>
    /// A task that completes once the statement that holds them has run. It never fails: a failed delete is reported,
    /// and its rows are sent again once their claim expires.
    /// </returns>
    public Task Enqueue(IReadOnlyList<Guid> ids)
    {
        lock (_gate)
        {
            _pending.AddRange(ids);
            var deleted = _batch.Task;
            if (Due())
            {
                StartLocked();
            }

            return deleted;
        }
    }

    /// <summary>Deletes the rows waiting, now or right after the statement under way.</summary>
    /// <returns>A task that completes once they are deleted (or the failure reported).</returns>
    public Task FlushAsync()
    {
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return Task.CompletedTask;
            }

            _flushRequested = true;
            StartLocked();
            return _batch.Task;
        }
    }

    /// <summary>
    /// Deletes at once, until <see cref="EndEager"/>, every row queued: for someone waiting for the deliveries under way
    /// to settle.
    /// </summary>
    public void BeginEager()
    {
        lock (_gate)
        {
            _eager++;
            StartLocked();
        }
    }

    /// <summary>Ends what <see cref="BeginEager"/> started.</summary>
    public void EndEager()
    {
        lock (_gate)
        {
            _eager--;
        }
    }

    private bool Due() => _flushRequested || _eager > 0 || _pending.Count >= batchSize;

    private void StartLocked()
    {
        if (!_running && _pending.Count > 0)
        {
            _running = true;

            // Not inline: the acknowledgements completing with this one (those of one export) then join its statement.
            _ = Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        while (true)
        {
            List<Guid> ids;
            TaskCompletionSource batch;
            lock (_gate)
            {
                if (_pending.Count == 0 || !Due())
                {
                    _running = false;
                    return;
                }

                (ids, batch) = (_pending, _batch);
                _pending = [];
                _batch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _flushRequested = false;
            }

            for (var start = 0; start < ids.Count; start += batchSize)
            {
                try
                {
                    await store.DeleteAsync(ids.GetRange(start, Math.Min(batchSize, ids.Count - start)), CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    health.SinkFailed(OutboxDelivery.SinkName, "settle", exception);
                }
            }

            batch.SetResult();
        }
    }
}
