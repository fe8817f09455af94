using System.Security.Cryptography;
using System.Text;
using MedicApp.Tests.Shared;

namespace MedicApp.Monitoring.Tests.Kql;

/// <summary>
/// Microsoft's Kusto language service, which <c>tools/kql-check</c> runs on Node.js: installed once per test run with
/// <c>npm ci</c> when <c>tools/kql-check/node_modules</c> lacks it, so that <c>dotnet test</c> alone runs the KQL checks.
/// Without Node.js or npm, it says what to install.
/// </summary>
internal static class KustoLanguageService
{
    public const string Tool = "tools/kql-check";

    /// <summary>The folder of <c>tools/kql-check</c>, its packages installed.</summary>
    public static Prerequisite<string> Installation { get; } = new(
        "The Kusto language service",
        $"{nameof(KustoLanguageServiceTests)}.{nameof(KustoLanguageServiceTests.KustoLanguageService_ForTheKqlChecks_IsInstalled)}",
        static () => Task.FromResult(Install(Repository.PathOf(Tool), Environment.GetEnvironmentVariable("PATH"))));

    /// <summary>npm writes its record of the installed tree last: a folder without it is an install cut short.</summary>
    private static bool IsInstalled(string tool) => File.Exists(Path.Combine(tool, "node_modules", ".package-lock.json"));

    /// <summary>Installs the packages of <paramref name="tool"/> unless they are; <paramref name="path"/> is where to find node and npm.</summary>
    internal static string Install(string tool, string? path)
    {
        var installed = IsInstalled(tool);
        var missing = new List<string>();
        if (!IsOnPath("node", path))
        {
            missing.Add("node");
        }

        if (!installed && !IsOnPath("npm", path))
        {
            missing.Add("npm");
        }

        if (missing.Count > 0)
        {
            throw new PrerequisiteException(
                $"""
                The KQL checks run Microsoft's Kusto language service ({Tool}) on Node.js, and {string.Join(" and ", missing)} {(missing.Count == 1 ? "is" : "are")} not on PATH.
                Install Node.js 20 or later with npm (Debian, Ubuntu: sudo apt-get install nodejs npm; or https://nodejs.org/); the tests then run 'npm ci --prefix {Tool}' themselves.
                """);
        }

        if (!installed)
        {
            RunNpmCi(tool);
        }

        return tool;
    }

    /// <summary>
    /// Runs <c>npm ci</c> unless another test process has done it meanwhile. Two test runs may start together: a named
    /// mutex, shared by the user's processes, lets one install while the other waits (a wait that blocks, no polling),
    /// then finds the packages there. It is owned by a thread, so all of this runs on one, synchronously.
    /// </summary>
    private static void RunNpmCi(string tool)
    {
        var name = @"Global\medicapp-npm-ci-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(tool)))[..16];
        using var mutex = new Mutex(initiallyOwned: false, name);
        try
        {
            mutex.WaitOne();
        }
        catch (AbandonedMutexException)
        {
            // Its owner died, perhaps in the middle of npm ci: this process owns the mutex now and installs again.
        }

        try
        {
            if (IsInstalled(tool))
            {
                return;
            }

            var npm = ExternalTool.RunAsync("npm", tool, "ci", "--prefix", tool, "--no-audit", "--no-fund").GetAwaiter().GetResult();
            if (npm.ExitCode != 0 || !IsInstalled(tool))
            {
                throw new PrerequisiteException(
                    $"""
                    'npm ci --prefix {Tool} --no-audit --no-fund' failed (exit code {npm.ExitCode}); it needs the npm registry or npm's cache:
                    {npm.Errors.TrimEnd()}
                    """);
            }
        }
        finally
        {
            mutex.ReleaseMutex();
        }
    }

    private static bool IsOnPath(string program, string? path)
        => (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(directory => File.Exists(Path.Combine(directory, program)));
}
