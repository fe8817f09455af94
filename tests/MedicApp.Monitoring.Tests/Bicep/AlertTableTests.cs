using System.Text.Json.Nodes;

namespace MedicApp.Monitoring.Tests.Bicep;

/// <summary>
/// docs/MONITORING.md's alert tables are what Azure gets: every alert rule of the compiled template, expanded as Azure
/// Resource Manager expands it, has a row with its frequency, window, condition, statefulness and severity, and every
/// row is a rule.
/// </summary>
public sealed class AlertTableTests
{
    [Fact]
    public async Task EveryAlertRule_IsARowOfTheMonitoringTables_AndEveryRowARule()
    {
        var rules = Rules(TemplateResources.Expand(await BicepCli.CompiledMainAsync())).ToDictionary(static r => r.Name);
        var rows = AlertTable.Read(Repository.PathOf("docs/MONITORING.md")).ToDictionary(static r => r.Name);

        Assert.Equal(rules.Keys.Order(), rows.Keys.Order());
        Assert.True(rules.Count >= 16, $"{rules.Count} rules");
        var wrong = rules.Values.Select(rule => Compare(rule, rows[rule.Name])).Where(static p => p is not null).ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public async Task DatabaseConnections_FireAtAShareOfTheServersOwnMaxConnections()
    {
        var template = await BicepCli.CompiledMainAsync();
        var rule = TemplateResources.Expand(template).Single(static r => r.Name == "MedicApp - Connexions DB elevees");

        var threshold = rule.Source.GetProperty("properties").GetProperty("criteria").GetProperty("allOf")[0].GetProperty("threshold").GetString()!;

        Assert.Contains("'Microsoft.DBforPostgreSQL/flexibleServers/configurations'", threshold, StringComparison.Ordinal);
        Assert.Contains("max_connections", threshold, StringComparison.Ordinal);
        Assert.StartsWith("[div(mul(int(reference(", threshold, StringComparison.Ordinal);
        Assert.Contains("parameters('dbConnectionsPercent')), 100)]", threshold, StringComparison.Ordinal);
        Assert.Equal(80, template.GetProperty("parameters").GetProperty("dbConnectionsPercent").GetProperty("defaultValue").GetInt32());
    }

    [Fact]
    public void Table_ReadsTheConditionsItStates()
    {
        var row = AlertTable.Parse("`MedicApp - X`", "5 min", "15 min", "`failures` ≥ 10 per `account`", "stateful", "1");

        Assert.Equal(new AlertRow("MedicApp - X", "PT5M", "PT15M", "failures", null, "GreaterThanOrEqual", "10", "account", Stateful: true, 1), row);
        Assert.Equal("LessThan", AlertTable.Parse("`A`", "1 h", "2 h", "`runs` < 1 per `job`", "stateful", "2").Operator);
        Assert.Equal(("Maximum", "80 % of max_connections"), (AlertTable.Parse("`A`", "5 min", "15 min", "`active_connections` maximum > 80 % of `max_connections`", "stateful", "2") is var r ? (r.Aggregation, r.Threshold) : default));
        Assert.Throws<FormatException>(() => AlertTable.Parse("`A`", "5 min", "15 min", "ten failures", "stateful", "1"));
    }

    private static string? Compare(AlertRow rule, AlertRow row)
    {
        var differences = new List<string>();
        void Check(string what, object? expected, object? actual)
        {
            if (!Equals(expected, actual))
            {
                differences.Add($"{what}: the template says '{expected}', the table '{actual}'");
            }
        }

        Check("frequency", rule.Frequency, row.Frequency);
        Check("window", rule.Window, row.Window);
        Check("measure", rule.Measure, row.Measure);
        Check("aggregation", rule.Aggregation, row.Aggregation);
        Check("operator", rule.Operator, row.Operator);
        Check("threshold", rule.Threshold, row.Threshold);
        Check("split", rule.Dimension, row.Dimension);
        Check("statefulness", rule.Stateful, row.Stateful);
        Check("severity", rule.Severity, row.Severity);
        return differences.Count == 0 ? null : $"{rule.Name}: {string.Join("; ", differences)}";
    }

    private static IEnumerable<AlertRow> Rules(IEnumerable<DeployedResource> resources)
    {
        foreach (var resource in resources)
        {
            var p = resource.Properties!;
            if (resource.Type == "Microsoft.Insights/metricAlerts")
            {
                var criterion = p["criteria"]!["allOf"]![0]!;
                var threshold = criterion["threshold"]!.ToJsonString().Trim('"');

                // Metric alert rules are stateful unless autoMitigate says otherwise.
                yield return new AlertRow(
                    resource.Name, Text(p["evaluationFrequency"]), Text(p["windowSize"]), Text(criterion["metricName"]), Text(criterion["timeAggregation"]),
                    Text(criterion["operator"]), threshold == ArmExpression.AtDeployment ? "80 % of max_connections" : threshold, null,
                    p["autoMitigate"]?.GetValue<bool>() ?? true, p["severity"]!.GetValue<int>());
            }
            else if (resource.Type == "Microsoft.Insights/scheduledQueryRules")
            {
                var criterion = p["criteria"]!["allOf"]![0]!;
                var dimensions = criterion["dimensions"]!.AsArray();
                yield return new AlertRow(
                    resource.Name, Text(p["evaluationFrequency"]), Text(p["windowSize"]), criterion["metricMeasureColumn"] is { } measure ? Text(measure) : "rows", null,
                    Text(criterion["operator"]), criterion["threshold"]!.ToJsonString(), dimensions.Count == 0 ? null : string.Join(", ", dimensions.Select(static d => Text(d!["name"]))),
                    p["autoMitigate"]?.GetValue<bool>() ?? true, p["severity"]!.GetValue<int>());
            }
        }
    }

    private static string Text(JsonNode? node) => node!.GetValue<string>();
}
