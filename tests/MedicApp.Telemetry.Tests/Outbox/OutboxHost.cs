using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MedicApp.Telemetry.Events;
using MedicApp.Telemetry.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MedicApp.Telemetry.Tests.Outbox;

/// <summary>
/// One process of an application that keeps its outbox in a database: several hosts over one database stand for
/// instances, or for a process and the one that replaces it after a crash. The clock is fake, so claims expire when a
/// test says.
/// </summary>
internal sealed class OutboxHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public OutboxHost(OutboxDatabase database, FakeTimeProvider clock, Action<MedicAppTelemetryBuilder>? configure = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddDbContext<OutboxTestContext>(database.Use);
        var telemetry = collection.AddMedicAppTelemetry(static options => options.Pseudonymization.Key = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")
            .AddEntityFrameworkOutbox<OutboxTestContext>();
        if (configure is null)
        {
            telemetry.UseInMemorySink();
        }
        else
        {
            configure(telemetry);
        }

        services?.Invoke(collection);
        _services = collection.BuildServiceProvider();
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OutboxTestContext>().Database.EnsureCreated();
    }

    public IServiceProvider Services => _services;

    public EventTracker Tracker => _services.GetRequiredService<EventTracker>();

    public InMemoryEventSink Sink => _services.GetRequiredService<InMemoryEventSink>();

    public TelemetryHealth Health => _services.GetRequiredService<TelemetryHealth>();

    internal OutboxDelivery Delivery => _services.GetRequiredService<OutboxDelivery>();

    internal OutboxDispatcher Dispatcher => _services.GetRequiredService<OutboxDispatcher>();

    /// <summary>Registers a patient and tracks its event in one unit of work, disposing the capture after the commit.</summary>
    public Task RegisterAsync(string patient) => InUnitOfWorkAsync(async db =>
    {
        db.Registrations.Add(new Registration { Id = Guid.NewGuid(), Patient = patient });
        Tracker.PatientRegistered(patient, ClientChannel.Web);
        await db.SaveChangesAsync();
    });

    /// <summary>Runs <paramref name="work"/> on a context of its own inside a capture, disposed when the work ends.</summary>
    public async Task InUnitOfWorkAsync(Func<OutboxTestContext, Task> work)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutboxTestContext>();
        await using var events = db.CaptureTelemetryEvents();
        await work(db);
    }

    public IReadOnlyList<OutboxEvent> Rows()
    {
        using var scope = _services.CreateScope();
        return [.. scope.ServiceProvider.GetRequiredService<OutboxTestContext>().Set<OutboxEvent>().AsNoTracking().AsEnumerable().OrderBy(static e => e.TrackedAt)];
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
