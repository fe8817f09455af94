using System;
using System.IO;
using System.Threading.Tasks;
using MedicApp.Telemetry.Contracts;
using MedicApp.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MedicApp.Telemetry.Tests.Outbox;

/// <summary>A database of its own for one test: a SQLite file in a temporary folder, or a database on the run's PostgreSQL server.</summary>
internal sealed class OutboxDatabase : IAsyncDisposable
{
    /// <summary>The connection string of a PostgreSQL user allowed to create databases.</summary>
    public static Prerequisite<string> PostgreSql { get; } = new(
        "PostgreSQL",
        $"{nameof(PostgreSqlServerTests)}.{nameof(PostgreSqlServerTests.PostgreSqlServer_ForTheOutboxTests_AcceptsConnections)}",
        static () => PostgreSqlServer.FindAsync(Environment.GetEnvironmentVariable(PostgreSqlServer.Variable), PostgreSqlServer.Installations, RepositoryRoot.Find()));

    private readonly string? _folder;
    private readonly string? _server;
    private readonly string? _name;

    private OutboxDatabase(string connectionString, string? folder, string? server, string? name)
    {
        ConnectionString = connectionString;
        _folder = folder;
        _server = server;
        _name = name;
    }

    public string ConnectionString { get; }

    public bool IsPostgreSql => _server is not null;

    public static OutboxDatabase Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("medicapp-outbox-").FullName;
        return new OutboxDatabase($"Data Source={Path.Combine(folder, "app.db")}", folder, null, null);
    }

    public static async Task<OutboxDatabase> PostgreSqlAsync()
    {
        var server = await PostgreSql.GetAsync();
        var name = "medicapp_outbox_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new OutboxDatabase(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, null, server, name);
    }

    public void Use(DbContextOptionsBuilder options)
    {
        if (IsPostgreSql)
        {
            options.UseNpgsql(ConnectionString);
        }
        else
        {
            options.UseSqlite(ConnectionString);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }

        if (_name is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
