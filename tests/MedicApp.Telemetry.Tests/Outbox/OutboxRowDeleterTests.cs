using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MedicApp.Telemetry.Tests.Outbox;

/// <summary>
/// Delivered rows are deleted in batches: rows wait while other deliveries are under way, until a batch is full or the
/// deliveries settle, so a busy application does not write once per unit of work.
/// </summary>
public sealed class OutboxRowDeleterTests
{
    [Fact]
    public async Task Enqueue_FewerRowsThanABatch_WaitForAFlush()
    {
        var store = new GatedStore();
        store.Open();
        var deleter = new OutboxRowDeleter(store, new TelemetryHealth(), batchSize: 256);

        var waiting = deleter.Enqueue([Guid.NewGuid(), Guid.NewGuid()]);
        Assert.False(waiting.IsCompleted);
        Assert.Empty(store.Statements);

        await deleter.FlushAsync();
        Assert.True(waiting.IsCompleted);
        Assert.Equal([2], store.Statements.Select(static ids => ids.Count));
        await deleter.FlushAsync();
        Assert.Single(store.Statements);
    }

    [Fact]
    public async Task Enqueue_BatchFull_DeletesWithoutWaitingForAFlush()
    {
        var store = new GatedStore();
        store.Open();
        var deleter = new OutboxRowDeleter(store, new TelemetryHealth(), batchSize: 5);

        var first = deleter.Enqueue([Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()]);
        var second = deleter.Enqueue([Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()]);
        await Task.WhenAll(first, second);

        Assert.Equal([5, 1], store.Statements.Select(static ids => ids.Count));
    }

    [Fact]
    public async Task Flush_DuringADelete_TheRowsQueuedMeanwhileShareTheNextStatement()
    {
        var store = new GatedStore();
        var deleter = new OutboxRowDeleter(store, new TelemetryHealth(), batchSize: 256);
        var first = deleter.Enqueue([Guid.NewGuid()]);
        _ = deleter.FlushAsync();
        await store.StatementStarted.Task;

        var waiting = Enumerable.Range(0, 20).Select(_ => deleter.Enqueue([Guid.NewGuid(), Guid.NewGuid()])).ToList();
        _ = deleter.FlushAsync();
        Assert.All(waiting, static task => Assert.False(task.IsCompleted));
        store.Open();
        await Task.WhenAll(waiting.Append(first));

        Assert.Equal([1, 40], store.Statements.Select(static ids => ids.Count));
        Assert.Equal(41, store.Statements.SelectMany(static ids => ids).Distinct().Count());
    }

    [Fact]
    public async Task Flush_StoreFails_CompletesAndReportsTheFailureOncePerStatement()
    {
        var store = new GatedStore { Failure = new InvalidOperationException("the database is gone") };
        var health = new TelemetryHealth();
        var deleter = new OutboxRowDeleter(store, health, batchSize: 256);
        var first = deleter.Enqueue([Guid.NewGuid()]);
        _ = deleter.FlushAsync();
        await store.StatementStarted.Task;
        var second = deleter.Enqueue([Guid.NewGuid()]);
        var third = deleter.Enqueue([Guid.NewGuid()]);
        _ = deleter.FlushAsync();
        store.Open();

        await Task.WhenAll(first, second, third);

        Assert.Equal(2, store.Statements.Count);
        Assert.Equal(2, health.GetStatistics().SinkFailures);

        // The deleter keeps working after a failure.
        store.Failure = null;
        var fourth = deleter.Enqueue([Guid.NewGuid()]);
        _ = deleter.FlushAsync();
        await fourth;
        Assert.Equal(3, store.Statements.Count);
        Assert.Equal(2, health.GetStatistics().SinkFailures);
    }

    [Fact]
    public async Task BeginEager_DeletesWhatIsQueuedUntilEndEager()
    {
        var store = new GatedStore();
        store.Open();
        var deleter = new OutboxRowDeleter(store, new TelemetryHealth(), batchSize: 256);
        var before = deleter.Enqueue([Guid.NewGuid()]);

        deleter.BeginEager();
        await before;
        await deleter.Enqueue([Guid.NewGuid()]);
        await deleter.Enqueue([Guid.NewGuid()]);
        deleter.EndEager();
        var after = deleter.Enqueue([Guid.NewGuid()]);

        Assert.Equal(3, store.Statements.Count);
        Assert.False(after.IsCompleted);
    }

    /// <summary>A store whose deletes wait for the test to open it, and record each statement.</summary>
    private sealed class GatedStore : IEventOutboxStore
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource StatementStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<IReadOnlyCollection<Guid>> Statements { get; } = [];

        public Exception? Failure { get; set; }

        public void Open() => _open.TrySetResult();

        public async Task DeleteAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
        {
            lock (Statements)
            {
                Statements.Add([.. ids]);
            }

            StatementStarted.TrySetResult();
            await _open.Task;
            if (Failure is { } failure)
            {
                throw failure;
            }
        }

        public Task<IReadOnlyList<OutboxEvent>> ClaimAsync(int maxCount, long now, long claimedUntil, Guid claimToken, CancellationToken cancellationToken)
            => throw new NotSupportedException();

        public Task ReleaseAsync(IReadOnlyCollection<OutboxEvent> events, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<OutboxBacklog> GetBacklogAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
