using System.Diagnostics;
using System.Threading.Tasks;

namespace MedicApp.Tests.Shared;

/// <summary>Runs a program the tests rely on (node, npm, bash) and collects what it printed.</summary>
internal static class ExternalTool
{
    /// <summary>Runs <paramref name="fileName"/>, found on <c>PATH</c>, with <paramref name="arguments"/>.</summary>
    public static async Task<ExternalToolResult> RunAsync(string fileName, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return new ExternalToolResult(process.ExitCode, await output.ConfigureAwait(false), await errors.ConfigureAwait(false));
    }
}

/// <summary>What a program answered: its exit code, its standard output and its standard error.</summary>
internal sealed record ExternalToolResult(int ExitCode, string Output, string Errors);
