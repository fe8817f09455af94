using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MedicApp.Monitoring.Tests.Bicep;

/// <summary>The Bicep CLI of the NuGet package Azure.Bicep.CommandLine.linux-x64: bicep build and bicep lint, offline.</summary>
internal static partial class BicepCli
{
    public const string MainTemplate = "infra/main.bicep";

    private static readonly Lazy<Task<BicepResult>> s_build = new(static () => RunAsync("build", MainTemplate, "--stdout"));

    /// <summary>The main template, built once for all the tests that read it.</summary>
    public static Task<BicepResult> BuildMainAsync() => s_build.Value;

    public static async Task<JsonElement> CompiledMainAsync()
    {
        var build = await BuildMainAsync();
        Assert.True(build.ExitCode == 0, build.Errors);
        return JsonDocument.Parse(build.Output).RootElement;
    }

    public static async Task<BicepResult> RunAsync(params string[] arguments)
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(static a => a.Key == "BicepPath").Value!;
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
        {
            // NuGet does not keep the executable bit of the files it extracts.
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo(path) { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new BicepResult(process.ExitCode, await output, await errors);
    }

    /// <summary>The diagnostics bicep printed: file, code and message.</summary>
    public static IReadOnlyList<(string File, string Level, string Code, string Line)> Diagnostics(string errors)
        => [.. Diagnostic().Matches(errors).Select(static m => (m.Groups["file"].Value, m.Groups["level"].Value, m.Groups["code"].Value, m.Value))];

    [GeneratedRegex(@"^(?<file>\S+)\(\d+,\d+\) : (?<level>Warning|Error|Info) (?<code>[\w-]+):.*$", RegexOptions.Multiline)]
    private static partial Regex Diagnostic();
}

/// <summary>What bicep answered.</summary>
internal sealed record BicepResult(int ExitCode, string Output, string Errors);
