using System.Diagnostics;
using System.Text.Json;

namespace MedicApp.Monitoring.Tests.Kql;

/// <summary>Runs <c>tools/kql-check/check.js</c> (Microsoft's Kusto language service on Node.js) and reads its report.</summary>
internal static class KqlCheck
{
    public const string Catalogue = "docs/events.schema.json";

    public static readonly string[] Sources = ["infra/queries", "docs"];

    public static async Task<KqlCheckResult> RunAsync(string catalogue, params string[] sources)
    {
        var tool = Repository.PathOf("tools/kql-check");
        if (!Directory.Exists(Path.Combine(tool, "node_modules", "@kusto", "language-service-next")))
        {
            throw new InvalidOperationException("The Kusto language service is not installed: run 'npm ci --prefix tools/kql-check' (as .ci/run does).");
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["tools/kql-check/check.js", "--catalogue", catalogue, .. sources])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var report = process.ExitCode is 0 or 1 ? JsonDocument.Parse(await output).RootElement.Clone() : default;
        return new KqlCheckResult(process.ExitCode, report, await errors);
    }
}

/// <summary>What the check said: its exit code, its JSON report and the problems it printed.</summary>
internal sealed record KqlCheckResult(int ExitCode, JsonElement Report, string Messages)
{
    public IEnumerable<JsonElement> Queries => Report.GetProperty("queries").EnumerateArray();
}
