using System.Data.Common;
using System.Globalization;
using MedicApp.Api.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MedicApp.Api.Tests.Hosting;

/// <summary>
/// A database of its own for one test host: a SQLite file in a temporary folder, or a PostgreSQL database created on
/// the test run's server (<see cref="PostgreSqlTestServer"/>).
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
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

        var server = await PostgreSqlTestServer.Server.GetAsync();
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

    /// <summary>Counts the rows of a table, on a connection of its own: the API using the database may be another process.</summary>
    public async Task<long> CountRowsAsync(string table)
    {
        await using DbConnection connection = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString)
            : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
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
