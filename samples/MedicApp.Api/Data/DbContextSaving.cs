using Microsoft.EntityFrameworkCore;

namespace MedicApp.Api.Data;

/// <summary>
/// Saves where a unique index, a concurrency token or a conditional update decides between racing requests. The events
/// a unit of work tracks (inside <c>db.CaptureTelemetryEvents()</c>) are written with its changes: a race lost forgets
/// both, so an event is never sent for a change that was not made.
/// </summary>
internal static class DbContextSaving
{
    /// <summary>Saves; false when a unique index refused the row (a concurrent request won), with nothing written.</summary>
    public static async Task<bool> TrySaveUniqueAsync(this DbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (IsUniqueViolation(exception))
        {
            // The unit of work's events go with its changes.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, then saves what it changed and the events it tracked with it,
    /// and commits: the conditional updates it starts with (an attempt counted, a claim) lock their rows until the end,
    /// so that concurrent requests on the same row run one after the other, each on what the previous one committed.
    /// The events are sent once committed; nothing is written when <paramref name="work"/> throws.
    /// </summary>
    public static async Task<T> InTransactionWithEventsAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        // Declared before the transaction, so disposed after its commit: the events are sent then.
        await using var events = db.CaptureTelemetryEvents();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Runs <paramref name="claim"/>, a conditional update, then <paramref name="track"/> when it changed a row, in one
    /// transaction: the claim and the events that report it are committed together or not at all, and the events are
    /// sent once committed. False when the claim changed nothing (another caller had it), with nothing tracked.
    /// </summary>
    public static async Task<bool> ClaimWithEventsAsync(this DbContext db, Func<CancellationToken, Task<int>> claim, Action track, CancellationToken cancellationToken)
    {
        // Declared before the transaction, so disposed after its commit: the events are sent then.
        await using var events = db.CaptureTelemetryEvents();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await claim(cancellationToken) == 0)
        {
            return false;
        }

        track();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    // SQLite: SQLITE_CONSTRAINT_UNIQUE (2067); PostgreSQL: unique_violation (23505).
    private static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
