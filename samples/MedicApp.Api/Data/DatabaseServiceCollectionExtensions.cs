using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MedicApp.Api.Data;

/// <summary>Registers the database named by <c>ConnectionStrings:MedicApp</c>: SQLite by default, PostgreSQL for <c>Host=…</c>.</summary>
internal static class DatabaseServiceCollectionExtensions
{
    public const string ConnectionStringName = "MedicApp";

    /// <summary>The embedded default: a SQLite file in the working directory, created on first run.</summary>
    public const string DefaultConnectionString = "Data Source=medicapp.db";

    /// <summary>
    /// Registers <see cref="MedicAppDbContext"/>. The connection string is read when the first context is created, so
    /// configuration added after this call (a test host's, a Key Vault reference's) applies.
    /// </summary>
    public static IServiceCollection AddMedicAppDatabase(this IServiceCollection services)
    {
        services.AddDbContext<SqliteMedicAppDbContext>(static (sp, options) => LogFailuresOnce(options.UseSqlite(ConnectionStringOf(sp))));
        services.AddDbContext<PostgreSqlMedicAppDbContext>(static (sp, options) => LogFailuresOnce(options.UseNpgsql(ConnectionStringOf(sp))));
        services.AddScoped<MedicAppDbContext>(static sp => ProviderOf(ConnectionStringOf(sp)) == DatabaseProvider.Sqlite
            ? sp.GetRequiredService<SqliteMedicAppDbContext>()
            : sp.GetRequiredService<PostgreSqlMedicAppDbContext>());
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }

    // EF Core logs a failed command and a failed save at error level, before anyone could handle them: a unique index
    // deciding a race (a double click on "register") would become an exception in Application Insights and raise the
    // backend exceptions alert. They are logged at debug level; a failure nobody handles reaches the exception handler,
    // which logs it as an error.
    private static DbContextOptionsBuilder LogFailuresOnce(DbContextOptionsBuilder options)
        => options.ConfigureWarnings(static w => w.Log((RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    private static string ConnectionStringOf(IServiceProvider services)
    {
        var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
        return string.IsNullOrWhiteSpace(connectionString) ? DefaultConnectionString : connectionString;
    }

    /// <summary>Which provider a connection string is written for: <c>Data Source=…</c> is SQLite, <c>Host=…</c> PostgreSQL.</summary>
    /// <exception cref="InvalidOperationException">The connection string is neither.</exception>
    public static DatabaseProvider ProviderOf(string connectionString)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not a connection string: {exception.Message}", exception);
        }

        if (builder.ContainsKey("Data Source") || builder.ContainsKey("DataSource") || builder.ContainsKey("Filename"))
        {
            return DatabaseProvider.Sqlite;
        }

        if (builder.ContainsKey("Host") || builder.ContainsKey("Server"))
        {
            return DatabaseProvider.PostgreSql;
        }

        // The message names the keys only: a connection string can hold a password.
        throw new InvalidOperationException(
            $"ConnectionStrings:{ConnectionStringName} names neither a SQLite file (Data Source=medicapp.db) nor a PostgreSQL server " +
            $"(Host=…;Database=…;Username=…;Password=…); its keys are: {string.Join(", ", builder.Keys.Cast<string>())}.");
    }
}
