using MedicApp.Api.Data;
using Npgsql;

namespace MedicApp.Api.Tests.Hosting;

/// <summary>
/// A database of its own for one test host: a SQLite file in a temporary folder, or a PostgreSQL database created on
/// the server named by <c>MEDICAPP_TEST_POSTGRESQL</c> (started by <c>eng/postgres.sh</c>, which <c>.ci/run</c> runs).
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "MEDICAPP_TEST_POSTGRESQL";

    private readonly string? _sqliteDirectory;
    private readonly string? _postgresDatabase;
    private readonly string? _postgresServer;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteDirectory, string? postgresServer, string? postgresDatabase)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteDirectory = sqliteDirectory;
        _postgresServer = postgresServer;
        _postgresDatabase = postgresDatabase;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Directory.CreateTempSubdirectory("medicapp-api-tests-").FullName;
            return new TestDatabase(provider, $"Data Source={Path.Combine(directory, "medicapp.db")}", directory, null, null);
        }

        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: run 'source eng/postgres.sh start' (it sets {ServerVariable}), or set {ServerVariable} to a connection string of a user allowed to create databases.");
        }

        var name = "medicapp_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false };
        return new TestDatabase(provider, builder.ConnectionString, null, server, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteDirectory, recursive: true);
        }

        if (_postgresDatabase is not null)
        {
            await using var connection = new NpgsqlConnection(_postgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
