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
    /// After a save refused by a concurrency token (a concurrent request changed the row first): forgets the attempt's
    /// changes and events, and reads <paramref name="entity"/> again, to count once more from what is saved.
    /// </summary>
    public static async Task ReloadAfterLostRaceAsync(this DbContext db, object entity, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await db.Entry(entity).ReloadAsync(cancellationToken);
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
