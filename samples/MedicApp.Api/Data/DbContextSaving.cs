using Microsoft.EntityFrameworkCore;

namespace MedicApp.Api.Data;

/// <summary>Saves where a unique index decides between racing requests.</summary>
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
            db.ChangeTracker.Clear();
            return false;
        }
    }

    // SQLite: SQLITE_CONSTRAINT_UNIQUE (2067); PostgreSQL: unique_violation (23505).
    private static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
