using System.Globalization;
using System.Text.RegularExpressions;

namespace MedicApp.Api.Tests.Drill;

/// <summary>
/// The alert rules' conditions as docs/MONITORING.md states them, which the monitoring tests keep equal to the compiled
/// template: the drill is checked against what Azure evaluates, not against numbers of its own.
/// </summary>
internal static partial class AlertThresholds
{
    private static readonly Lazy<IReadOnlyDictionary<string, double>> s_thresholds = new(Read);

    public static IReadOnlyCollection<string> Alerts => (IReadOnlyCollection<string>)s_thresholds.Value.Keys;

    /// <summary>The threshold of a rule: the alert fires past it (">", "≥" or "<" as the table says).</summary>
    public static double Of(string alert)
        => s_thresholds.Value.TryGetValue(alert, out var threshold) ? threshold : throw new KeyNotFoundException($"docs/MONITORING.md has no alert '{alert}'");

    private static Dictionary<string, double> Read()
    {
        var thresholds = new Dictionary<string, double>();
        foreach (var line in File.ReadLines(Path.Combine(RepositoryRoot(), "docs", "MONITORING.md")))
        {
            var row = Row().Match(line);
            if (row.Success)
            {
                thresholds[row.Groups["alert"].Value] = double.Parse(row.Groups["threshold"].Value, CultureInfo.InvariantCulture);
            }
        }

        return thresholds;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MedicApp.Telemetry.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("MedicApp.Telemetry.sln not found above the test folder.");
    }

    // | `MedicApp - ALERT-05 Brute-force compte` | … | `failures` ≥ 10 per `account` | …
    [GeneratedRegex(@"^\| `(?<alert>MedicApp - [^`]+)` \|.*\| `[^`]+`(?: [a-z]+)? (?:>|≥|<) (?<threshold>[0-9.]+)[^|]*\|")]
    private static partial Regex Row();
}
