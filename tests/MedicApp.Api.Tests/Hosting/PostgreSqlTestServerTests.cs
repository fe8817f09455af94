using MedicApp.Tests.Shared;
using Npgsql;

namespace MedicApp.Api.Tests.Hosting;

/// <summary>
/// The PostgreSQL server of the tests on PostgreSQL. The first test reports the server for the whole run: when there is
/// none, it fails with what to install, and the tests on PostgreSQL fail with one line naming it.
/// </summary>
public sealed class PostgreSqlTestServerTests
{
    [Fact]
    public async Task PostgreSqlTestServer_ForTheDatabaseTests_AcceptsConnections()
    {
        var server = await PostgreSqlTestServer.Server.EnsureAsync();

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var canCreate = new NpgsqlCommand("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user", connection);
        Assert.Equal(true, await canCreate.ExecuteScalarAsync());
    }

    [Fact]
    public async Task PostgreSqlTestServer_Configured_IsUsedWithoutStartingOne()
    {
        var configured = "Host=db.example;Username=tests;Database=postgres";

        var server = await PostgreSqlServer.FindAsync(configured, "/nonexistent/postgresql", "/nonexistent/repository");

        Assert.Equal(configured, server);
    }

    [Fact]
    public async Task PostgreSqlTestServer_WithoutPostgreSqlInstalled_SaysHowToInstallIt()
    {
        var installations = Directory.CreateTempSubdirectory("medicapp-no-postgresql-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(installations, "15", "bin"));

            var missing = await Assert.ThrowsAsync<PrerequisiteException>(() => PostgreSqlServer.FindAsync(null, installations, "/nonexistent/repository"));

            Assert.Contains("sudo apt-get install postgresql", missing.Message, StringComparison.Ordinal);
            Assert.Contains("source eng/postgres.sh start", missing.Message, StringComparison.Ordinal);
            Assert.Contains(PostgreSqlServer.Variable, missing.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(installations, recursive: true);
        }
    }
}
