using MedicApp.Telemetry.Contracts;
using MedicApp.Tests.Shared;

namespace MedicApp.Api.Tests.Hosting;

/// <summary>
/// The PostgreSQL server of the API's tests on PostgreSQL, found once per test process (<see cref="PostgreSqlServer"/>).
/// </summary>
internal static class PostgreSqlTestServer
{
    /// <summary>The connection string of a user allowed to create databases.</summary>
    public static Prerequisite<string> Server { get; } = new(
        "PostgreSQL",
        $"{nameof(PostgreSqlTestServerTests)}.{nameof(PostgreSqlTestServerTests.PostgreSqlTestServer_ForTheDatabaseTests_AcceptsConnections)}",
        static () => PostgreSqlServer.FindAsync(Environment.GetEnvironmentVariable(PostgreSqlServer.Variable), PostgreSqlServer.Installations, RepositoryRoot.Find()));
}
