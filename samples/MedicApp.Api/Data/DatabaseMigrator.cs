using Microsoft.EntityFrameworkCore;

namespace MedicApp.Api.Data;

/// <summary>Creates or migrates the schema before the API takes requests; the host does not start if it fails.</summary>
internal sealed partial class DatabaseMigrator(IServiceScopeFactory scopes, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<MedicAppDbContext>().Database;
        var pending = (await database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await database.MigrateAsync(cancellationToken);
        LogMigrated(logger, database.ProviderName ?? "database", pending.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Schema of the {Provider} up to date ({Applied} migrations applied)")]
    private static partial void LogMigrated(ILogger logger, string provider, int applied);
}
