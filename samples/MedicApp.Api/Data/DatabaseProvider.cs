namespace MedicApp.Api.Data;

/// <summary>The database engines the API runs on.</summary>
internal enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
