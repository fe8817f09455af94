using System.Threading.Tasks;
using Npgsql;
using Xunit;

namespace MedicApp.Telemetry.Tests.Outbox;

/// <summary>
/// The PostgreSQL server of the outbox tests. This test reports it for the run: when there is none, it fails with what
/// to install, and the tests on PostgreSQL fail with one line naming it.
/// </summary>
public sealed class PostgreSqlServerTests
{
    [Fact]
    public async Task PostgreSqlServer_ForTheOutboxTests_AcceptsConnections()
    {
        await using var connection = new NpgsqlConnection(await OutboxDatabase.PostgreSql.EnsureAsync());
        await connection.OpenAsync();
        await using var canCreate = new NpgsqlCommand("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user", connection);
        Assert.Equal(true, await canCreate.ExecuteScalarAsync());
    }
}
