using System.Threading.Tasks;

namespace MedicApp.Telemetry.Tests.Outbox;

/// <summary>The outbox on SQLite: one writer at a time, times as numbers.</summary>
public sealed class SqliteOutboxTests : EntityFrameworkOutboxTests
{
    private protected override Task<OutboxDatabase> CreateDatabaseAsync() => Task.FromResult(OutboxDatabase.Sqlite());
}
