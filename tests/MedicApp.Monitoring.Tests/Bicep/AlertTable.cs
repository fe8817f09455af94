using System.Globalization;
using System.Text.RegularExpressions;

namespace MedicApp.Monitoring.Tests.Bicep;

/// <summary>Reads the rows of docs/MONITORING.md's alert tables: those with the columns Alert, Every, Over, Fires when, State and Severity.</summary>
internal static partial class AlertTable
{
    private static readonly string[] Columns = ["Alert", "Every", "Over", "Fires when", "State", "Severity"];

    public static IEnumerable<AlertRow> Read(string markdown)
    {
        var lines = File.ReadAllLines(markdown);
        for (var i = 0; i < lines.Length; i++)
        {
            var header = Cells(lines[i]);
            if (!Columns.All(header.Contains))
            {
                continue;
            }

            var at = Columns.Select(c => Array.IndexOf(header, c)).ToArray();
            for (i += 2; i < lines.Length && lines[i].StartsWith('|'); i++)
            {
                var cells = Cells(lines[i]);
                yield return Parse(cells[at[0]], cells[at[1]], cells[at[2]], cells[at[3]], cells[at[4]], cells[at[5]]);
            }
        }
    }

    public static AlertRow Parse(string name, string every, string over, string firesWhen, string state, string severity)
    {
        var condition = Condition().Match(firesWhen);
        if (!condition.Success)
        {
            throw new FormatException($"'{firesWhen}' is not a condition such as `failures` ≥ 10 per `account`");
        }

        var threshold = condition.Groups["share"].Success ? $"{condition.Groups["threshold"].Value} % of max_connections" : condition.Groups["threshold"].Value;
        return new AlertRow(
            name.Trim('`'), Duration(every), Duration(over), condition.Groups["measure"].Value,
            condition.Groups["aggregation"].Success ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(condition.Groups["aggregation"].Value) : null,
            condition.Groups["operator"].Value switch { ">" => "GreaterThan", "≥" => "GreaterThanOrEqual", "<" => "LessThan", _ => "LessThanOrEqual" },
            threshold, condition.Groups["split"].Success ? condition.Groups["split"].Value : null,
            state switch { "stateful" => true, "stateless" => false, _ => throw new FormatException($"'{state}' is neither stateful nor stateless") },
            int.Parse(severity, CultureInfo.InvariantCulture));
    }

    // "5 min" → PT5M, "2 h" → PT2H, "1 day" → P1D.
    private static string Duration(string text)
    {
        var match = DurationText().Match(text);
        return !match.Success ? throw new FormatException($"'{text}' is not a duration such as 15 min, 1 h or 1 day")
            : match.Groups["unit"].Value == "day" ? $"P{match.Groups["n"].Value}D"
            : $"PT{match.Groups["n"].Value}{(match.Groups["unit"].Value == "h" ? "H" : "M")}";
    }

    private static string[] Cells(string line)
        => line.StartsWith('|') ? [.. line.Trim().Trim('|').Split('|').Select(static c => c.Trim())] : [];

    [GeneratedRegex(@"^`(?<measure>[^`]+)`(?: (?<aggregation>total|maximum|average|count))? (?<operator>>|≥|<|≤) (?<threshold>[0-9.]+)(?<share> % of `max_connections`)?(?: per `(?<split>[^`]+)`)?$")]
    private static partial Regex Condition();

    [GeneratedRegex(@"^(?<n>[0-9]+) (?<unit>min|h|day)$")]
    private static partial Regex DurationText();
}
