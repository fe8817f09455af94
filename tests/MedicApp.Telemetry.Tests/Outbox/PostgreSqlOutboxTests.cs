using System.Threading.Tasks;

namespace MedicApp.Telemetry.Tests.Outbox;

/// <summary>The outbox on PostgreSQL: concurrent writers, so claims rely on the re-check of the update's condition.</summary>
public sealed class PostgreSqlOutboxTests : EntityFrameworkOutboxTests
{
    private protected override Task<OutboxDatabase> CreateDatabaseAsync() => OutboxDatabase.PostgreSqlAsync();
}
