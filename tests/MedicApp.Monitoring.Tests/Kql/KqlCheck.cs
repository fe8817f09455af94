using System.Text.Json;
using MedicApp.Tests.Shared;

namespace MedicApp.Monitoring.Tests.Kql;

/// <summary>Runs <c>tools/kql-check/check.js</c> (Microsoft's Kusto language service on Node.js) and reads its report.</summary>
internal static class KqlCheck
{
    public const string Catalogue = "docs/events.schema.json";

    public static readonly string[] Sources = ["infra/queries", "docs"];

    public static Task<KqlCheckResult> RunAsync(string catalogue, params string[] sources) => RunWithWindowsAsync(catalogue, windows: null, sources);

    /// <param name="catalogue">The event catalogue file.</param>
    /// <param name="windows">A JSON file mapping query files to the window their rule or tile runs them over, or null.</param>
    /// <param name="sources">The query files and folders.</param>
    public static async Task<KqlCheckResult> RunWithWindowsAsync(string catalogue, string? windows, params string[] sources)
    {
        await KustoLanguageService.Installation.GetAsync();

        string[] windowArguments = windows is null ? [] : ["--windows", windows];
        var check = await ExternalTool.RunAsync("node", Repository.Root, ["tools/kql-check/check.js", "--catalogue", catalogue, .. windowArguments, .. sources]);
        var report = check.ExitCode is 0 or 1 ? JsonDocument.Parse(check.Output).RootElement.Clone() : default;
        return new KqlCheckResult(check.ExitCode, report, check.Errors);
    }
}

/// <summary>What the check said: its exit code, its JSON report and the problems it printed.</summary>
internal sealed record KqlCheckResult(int ExitCode, JsonElement Report, string Messages)
{
    public IEnumerable<JsonElement> Queries => Report.GetProperty("queries").EnumerateArray();
}
