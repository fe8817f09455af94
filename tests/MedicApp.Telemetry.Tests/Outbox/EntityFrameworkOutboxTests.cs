using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MedicApp.Telemetry.Events;
using MedicApp.Telemetry.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MedicApp.Telemetry.Tests.Outbox;

/// <summary>
/// The EF Core outbox on a real database (SQLite and PostgreSQL, in the two classes that derive from this one): an
/// event is committed with its state change or not at all, is sent when its unit of work commits, and is sent by
/// another process when the one that tracked it stops between the commit and the send.
/// </summary>
public abstract class EntityFrameworkOutboxTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private OutboxDatabase? _database;

    private protected FakeTimeProvider Clock => _clock;

    private protected OutboxDatabase Database => _database!;

    public async Task InitializeAsync() => _database = await CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private protected abstract Task<OutboxDatabase> CreateDatabaseAsync();

    [Fact]
    public async Task CaptureTelemetryEvents_CommittedUnitOfWork_SendsAtOnceAndDeletesTheRow()
    {
        await using var host = new OutboxHost(Database, _clock);

        await host.RegisterAsync("patient-1");

        var sent = host.Sink.AssertSingle("patient_registered");
        Assert.Equal(host.Sink.Pseudonymize("patient-1"), sent.GetProperty<string>("patient_id"));
        await host.Delivery.WhenSettledAsync();
        Assert.Empty(host.Rows());
        Assert.Equal(0, host.Health.GetStatistics().EventsDropped);
    }

    [Fact]
    public async Task CaptureTelemetryEvents_ParallelUnitsOfWork_SendsEachOnceAndDeletesEveryRow()
    {
        await using var host = new OutboxHost(Database, _clock);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => host.RegisterAsync($"patient-p{i}"))));
        await host.Delivery.WhenSettledAsync();

        var sent = host.Sink.Events.Where(static e => e.Name == "patient_registered").ToList();
        Assert.Equal(40, sent.Count);
        Assert.Equal(40, sent.Select(static e => e.GetProperty<string>("patient_id")).Distinct().Count());
        Assert.Empty(host.Rows());
        Assert.Equal(0, host.Health.GetStatistics().EventsDropped);
    }

    [Fact]
    public async Task CaptureTelemetryEvents_BeforeSaveChanges_WritesTheEventInTheSameTransaction()
    {
        await using var host = new OutboxHost(Database, _clock);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutboxTestContext>();
        await using var events = db.CaptureTelemetryEvents();
        db.Registrations.Add(new Registration { Id = Guid.NewGuid(), Patient = "patient-2" });
        host.Tracker.PatientRegistered("patient-2", ClientChannel.MobileApp);

        Assert.Empty(host.Sink.Events);
        Assert.Empty(host.Rows());
        await db.SaveChangesAsync();

        // Committed with the registration, claimed by this process, and not sent before the capture ends.
        var row = Assert.Single(host.Rows());
        Assert.Equal("patient_registered", row.Name);
        Assert.Equal(host.Delivery.ClaimToken, row.ClaimToken);
        Assert.DoesNotContain("patient-2", row.Properties, StringComparison.Ordinal);
        Assert.Contains(host.Sink.Pseudonymize("patient-2"), row.Properties, StringComparison.Ordinal);
        Assert.Empty(host.Sink.Events);
    }

    [Fact]
    public async Task CaptureTelemetryEvents_UnsavedUnitOfWork_SendsNothingAndReportsTheEvents()
    {
        await using var host = new OutboxHost(Database, _clock);
        await host.InUnitOfWorkAsync(db =>
        {
            host.Tracker.PatientRegistered("patient-3", ClientChannel.Web);
            return Task.CompletedTask;
        });

        host.Sink.AssertNone("patient_registered");
        Assert.Empty(host.Rows());
        Assert.Equal(1, host.Health.GetStatistics().EventsDropped);
    }

    [Fact]
    public async Task CaptureTelemetryEvents_RolledBackTransaction_SendsNothing()
    {
        await using var host = new OutboxHost(Database, _clock);
        await host.InUnitOfWorkAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Registrations.Add(new Registration { Id = Guid.NewGuid(), Patient = "patient-4" });
            host.Tracker.PatientRegistered("patient-4", ClientChannel.Web);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        });

        host.Sink.AssertNone("patient_registered");
        Assert.Empty(host.Rows());
        Assert.Equal(0, host.Health.GetStatistics().EventsDropped);
    }

    [Fact]
    public async Task CaptureTelemetryEvents_SaveAfterARolledBackTransaction_SendsOnlyWhatTheSaveCommitted()
    {
        await using var host = new OutboxHost(Database, _clock);
        await host.InUnitOfWorkAsync(async db =>
        {
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                db.Registrations.Add(new Registration { Id = Guid.NewGuid(), Patient = "patient-4a" });
                host.Tracker.PatientRegistered("patient-4a", ClientChannel.Web);
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            }

            db.Registrations.Add(new Registration { Id = Guid.NewGuid(), Patient = "patient-4b" });
            host.Tracker.PatientRegistered("patient-4b", ClientChannel.MobileApp);
            await db.SaveChangesAsync();
        });

        var sent = host.Sink.AssertSingle("patient_registered");
        Assert.Equal(host.Sink.Pseudonymize("patient-4b"), sent.GetProperty<string>("patient_id"));
        await host.Delivery.WhenSettledAsync();
        Assert.Empty(host.Rows());
        Assert.Equal(0, host.Health.GetStatistics().EventsDropped);
    }

    [Fact]
    public async Task CaptureTelemetryEvents_CommittedTransaction_SendsWhenTheCaptureEnds()
    {
        await using var host = new OutboxHost(Database, _clock);
        await host.InUnitOfWorkAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Registrations.Add(new Registration { Id = Guid.NewGuid(), Patient = "patient-5" });
            await db.SaveChangesAsync();
            await db.Registrations.Where(static r => r.Patient == "patient-5").ExecuteUpdateAsync(static s => s.SetProperty(static r => r.Patient, "patient-5b"));
            host.Tracker.PatientRegistered("patient-5", ClientChannel.Web);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });

        host.Sink.AssertSingle("patient_registered");
        await host.Delivery.WhenSettledAsync();
        Assert.Empty(host.Rows());
    }

    [Fact]
    public async Task CaptureTelemetryEvents_ChangeTrackerClearedAfterALostRace_SendsAndReportsNothing()
    {
        await using var host = new OutboxHost(Database, _clock);
        await host.InUnitOfWorkAsync(db =>
        {
            host.Tracker.PatientRegistered("patient-6", ClientChannel.Web);
            db.ChangeTracker.Clear();
            return Task.CompletedTask;
        });

        host.Sink.AssertNone("patient_registered");
        Assert.Empty(host.Rows());
        Assert.Equal(0, host.Health.GetStatistics().EventsDropped);
    }

    [Fact]
    public async Task Tracking_OutsideACapture_GoesToTheSinksDirectly()
    {
        await using var host = new OutboxHost(Database, _clock);

        host.Tracker.PatientRegistered("patient-7", ClientChannel.Web);

        host.Sink.AssertSingle("patient_registered");
        Assert.Empty(host.Rows());
    }

    [Fact]
    public async Task Dispatcher_ProcessStoppedBetweenCommitAndSend_NextProcessSendsOnceTheClaimExpires()
    {
        await using var crashed = new OutboxHost(Database, _clock);
        await CommitWithoutSendingAsync(crashed, "patient-8");
        crashed.Sink.AssertNone("patient_registered");

        await using var next = new OutboxHost(Database, _clock);
        await next.Dispatcher.DispatchOnceAsync(default);
        next.Sink.AssertNone("patient_registered");

        _clock.Advance(new MedicAppTelemetryOptions().Outbox.ClaimDuration + TimeSpan.FromSeconds(1));
        await next.Dispatcher.DispatchOnceAsync(default);
        await next.Delivery.WhenSettledAsync();

        // Delivered 1, duplicated 0, lost 0: the event and the row's claim were the only trace of it.
        var sent = next.Sink.AssertSingle("patient_registered");
        Assert.Equal(next.Sink.Pseudonymize("patient-8"), sent.GetProperty<string>("patient_id"));
        Assert.Empty(next.Rows());
        crashed.Sink.AssertNone("patient_registered");
    }

    [Fact]
    public async Task Dispatcher_ReadBackEvent_SendsWhatTheTrackedEventWould()
    {
        await using var crashed = new OutboxHost(Database, _clock);
        await CommitWithoutSendingAsync(crashed, "patient-9");
        crashed.Tracker.PatientRegistered("patient-9", ClientChannel.Web);
        var direct = crashed.Sink.AssertSingle("patient_registered");

        await using var next = new OutboxHost(Database, _clock);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await next.Dispatcher.DispatchOnceAsync(default);
        var replayed = next.Sink.AssertSingle("patient_registered");

        Assert.Equal(Names(direct.Properties), Names(replayed.Properties));
        foreach (var name in new[] { "patient_id", "channel", "schema_version", "event_area" })
        {
            Assert.Equal(direct.GetProperty<string>(name), replayed.GetProperty<string>(name));
        }

        Assert.NotEqual(direct.EventId, replayed.EventId);
        Assert.Equal(Guid.Parse(replayed.GetProperty<string>("event_id")), replayed.EventId);
    }

    [Fact]
    public async Task Dispatcher_TwoInstancesRacing_ClaimEachEventOnce()
    {
        const int Events = 60;
        await using var crashed = new OutboxHost(Database, _clock);
        for (var i = 0; i < Events; i++)
        {
            await CommitWithoutSendingAsync(crashed, "patient-race-" + i);
        }

        await using var first = new OutboxHost(Database, _clock, configure: SmallBatches);
        await using var second = new OutboxHost(Database, _clock, configure: SmallBatches);
        _clock.Advance(TimeSpan.FromMinutes(1));
        while (first.Rows().Count > 0)
        {
            await Task.WhenAll(
                Task.Run(() => first.Dispatcher.DispatchOnceAsync(default)),
                Task.Run(() => second.Dispatcher.DispatchOnceAsync(default)));
            await Task.WhenAll(first.Delivery.WhenSettledAsync(), second.Delivery.WhenSettledAsync());
        }

        var sent = first.Sink.GetEvents("patient_registered").Concat(second.Sink.GetEvents("patient_registered")).Select(static e => e.EventId).ToList();
        Assert.Equal(Events, sent.Count);
        Assert.Equal(Events, sent.Distinct().Count());
        Assert.NotEmpty(first.Sink.GetEvents("patient_registered"));
        Assert.NotEmpty(second.Sink.GetEvents("patient_registered"));
    }

    [Fact]
    public void ServiceProvider_DisposedSynchronously_DisposesTheOutboxWithoutThrowing()
    {
        var services = new ServiceCollection();
        services.AddDbContext<OutboxTestContext>(Database.Use);
        services.AddMedicAppTelemetry(static options => options.Pseudonymization.Key = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")
            .UseInMemorySink()
            .AddEntityFrameworkOutbox<OutboxTestContext>();
        var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<OutboxDelivery>();

        Assert.Null(Record.Exception(provider.Dispose));
    }

    // A separate async method: the capture it leaves open stays on its own flow, as it would in a process that died.
    private static async Task CommitWithoutSendingAsync(OutboxHost host, string patient)
    {
        var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutboxTestContext>();
        _ = db.CaptureTelemetryEvents();
        db.Registrations.Add(new Registration { Id = Guid.NewGuid(), Patient = patient });
        host.Tracker.PatientRegistered(patient, ClientChannel.Web);
        await db.SaveChangesAsync();
    }

    private static List<string> Names(IReadOnlyDictionary<string, string> properties) => [.. properties.Keys.Order()];

    // Batches smaller than the backlog, so that the two dispatchers meet on the same rows.
    private static void SmallBatches(MedicAppTelemetryBuilder telemetry)
        => telemetry.UseInMemorySink().Configure(static options => options.Outbox.BatchSize = 7);
}
