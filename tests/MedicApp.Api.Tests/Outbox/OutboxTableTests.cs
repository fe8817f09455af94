using MedicApp.Api.Data;
using MedicApp.Api.Tests.Hosting;
using MedicApp.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace MedicApp.Api.Tests.Outbox;

/// <summary>
/// The telemetry outbox table in the API's schema, on both databases: the model's 256-character limit on strings does
/// not reach the events' properties, which an event of many long values needs whole.
/// </summary>
public abstract class OutboxTableTests : ApiTest
{
    public sealed class OnSqlite : OutboxTableTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class OnPostgreSql : OutboxTableTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    }

    [Fact]
    public async Task OutboxTable_EventWithLongProperties_KeepsThemWhole()
    {
        var properties = $$"""{"reason":"{{new string('x', 20_000)}}"}""";
        var id = Guid.NewGuid();

        // Never available: the dispatcher leaves it alone.
        await Host.WithDbAsync(db =>
        {
            db.Add(new OutboxEvent { Id = id, Name = "long_event", TrackedAt = ApiHost.Start, Properties = properties, AvailableAt = long.MaxValue });
            return db.SaveChangesAsync();
        });

        var stored = await Host.WithDbAsync(db => db.Set<OutboxEvent>().AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal(properties, stored.Properties);
    }
}
