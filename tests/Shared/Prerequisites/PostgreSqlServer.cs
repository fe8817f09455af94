using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace MedicApp.Tests.Shared;

/// <summary>
/// Finds the PostgreSQL server of a test run: the one <c>MEDICAPP_TEST_POSTGRESQL</c> names (<c>.ci/run</c> sets it
/// through <c>source eng/postgres.sh start</c>), else the throwaway server that <c>eng/postgres.sh connection-string</c>
/// starts from the PostgreSQL installed on the machine. It installs nothing: a test suite must not need root, so
/// without PostgreSQL it says what to install.
/// </summary>
/// <remarks>
/// The server it starts is left running when the tests end, on purpose. Another test process may be using it (a second
/// <c>dotnet test</c>, a run from another checkout, a shell that ran <c>source eng/postgres.sh start</c>), and no process
/// can know it is the last one: stopping it would fail their tests. Left running, it costs little: it listens on the
/// loopback only, lives in <c>/tmp</c>, holds only the databases of tests still running (each test drops its own),
/// and the next run finds it ready. <c>source eng/postgres.sh stop</c> stops it.
/// </remarks>
internal static class PostgreSqlServer
{
    public const string Variable = "MEDICAPP_TEST_POSTGRESQL";

    /// <summary>Where Debian's packages install each PostgreSQL version, as <c>{version}/bin/initdb</c>.</summary>
    public const string Installations = "/usr/lib/postgresql";

    public static async Task<string> FindAsync(string? configured, string installations, string repository)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (!IsInstalled(installations))
        {
            throw new PrerequisiteException(
                $"""
                The tests on PostgreSQL need a server, and PostgreSQL is not installed (no {installations}/*/bin/initdb). Either:
                - install it: sudo apt-get install postgresql (Debian, Ubuntu); the tests then start a server of their own through eng/postgres.sh;
                - or run: source eng/postgres.sh start (installs PostgreSQL 15, starts a server on 127.0.0.1:55432 and sets {Variable});
                - or set {Variable} to the connection string of a user allowed to create databases.
                """);
        }

        var script = await ExternalTool.RunAsync("bash", repository, "eng/postgres.sh", "connection-string");
        if (script.ExitCode != 0)
        {
            throw new PrerequisiteException(
                $"""
                'bash eng/postgres.sh connection-string' could not start the tests' PostgreSQL server (exit code {script.ExitCode}):
                {script.Errors.TrimEnd()}
                Another server may hold its port: MEDICAPP_PG_PORT and MEDICAPP_PG_ROOT choose another port and folder.
                """);
        }

        return script.Output.TrimEnd().Split('\n')[^1];
    }

    private static bool IsInstalled(string installations)
        => Directory.Exists(installations)
            && Directory.EnumerateDirectories(installations).Any(static version => File.Exists(Path.Combine(version, "bin", "initdb")));
}
