using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MedicApp.Telemetry.Tests.Packaging;

/// <summary>Runs the <c>dotnet</c> CLI as a user would, outside the test run's own MSBuild environment.</summary>
internal static class DotNetCli
{
    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> and returns its exit code and combined output.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] arguments)
        => RunAsync(StartInfo(workingDirectory, arguments));

    /// <summary>
    /// Runs the program <paramref name="start"/> names, output redirected, and returns its exit code and combined
    /// output; past <paramref name="deadline"/> the program is killed, and its output says so.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(ProcessStartInfo start, TimeSpan? deadline = null)
    {
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(deadline ?? Timeout.InfiniteTimeSpan);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            output.Append("[killed: still running after ").Append(deadline).Append("]\n");
        }

        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }

    /// <summary>How to start <c>dotnet</c> with <paramref name="arguments"/>, its output redirected.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host inherits variables of the MSBuild that built it; a child build must resolve its own.
        foreach (var name in start.Environment.Keys.Where(static k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            start.Environment.Remove(name);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }
}
