using System;
using System.Linq;
using System.Threading.Tasks;
using System.Transactions;
using MedicApp.Telemetry.Events;
using Xunit;

namespace MedicApp.Telemetry.Tests.Outbox;

/// <summary>
/// The outbox on PostgreSQL: concurrent writers, so claims rely on the re-check of the update's condition; and ambient
/// transactions, which EF Core's SQLite provider does not support.
/// </summary>
public sealed class PostgreSqlOutboxTests : EntityFrameworkOutboxTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CaptureTelemetryEvents_AmbientTransactionScope_SendsOnlyWhenItCompletes(bool complete)
    {
        await using var host = new OutboxHost(Database, Clock);
        await host.InUnitOfWorkAsync(async db =>
        {
            using var scope = new TransactionScope(TransactionScopeAsyncFlowOption.Enabled);
            db.Registrations.Add(new Registration { Id = Guid.NewGuid(), Patient = "patient-4c" });
            host.Tracker.PatientRegistered("patient-4c", ClientChannel.Web);
            await db.SaveChangesAsync();
            if (complete)
            {
                scope.Complete();
            }
        });

        Assert.Equal(complete ? 1 : 0, host.Sink.Events.Count(static e => e.Name == "patient_registered"));
        await host.Delivery.WhenSettledAsync();
        Assert.Empty(host.Rows());
        Assert.Equal(0, host.Health.GetStatistics().EventsDropped);
    }

    private protected override Task<OutboxDatabase> CreateDatabaseAsync() => OutboxDatabase.PostgreSqlAsync();
}
