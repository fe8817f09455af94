using System.Text.RegularExpressions;

namespace MedicApp.Monitoring.Tests.Kql;

/// <summary>docs/M3_KQL_QUERIES.md shows the dashboards' queries exactly as infra/queries holds them.</summary>
public sealed partial class KqlDocumentationTests
{
    [Fact]
    public void M3Document_ShowsEachDashboardQueryAsItsFile()
    {
        var document = File.ReadAllText(Repository.PathOf("docs/M3_KQL_QUERIES.md"));

        var blocks = QueryBlock().Matches(document).ToDictionary(static m => m.Groups["file"].Value, static m => m.Groups["query"].Value);

        var dashboards = Directory.GetFiles(Repository.PathOf("infra/queries"), "dash-0*.kql")
            .Select(static f => "infra/queries/" + Path.GetFileName(f))
            .Where(static f => DashboardFile().IsMatch(f))
            .Order()
            .ToList();
        Assert.Equal(dashboards, blocks.Keys.Order());
        foreach (var (file, query) in blocks)
        {
            Assert.True(File.ReadAllText(Repository.PathOf(file)).TrimEnd('\n') == query.TrimEnd('\n'), $"docs/M3_KQL_QUERIES.md shows {file} differently from the file: copy the file into the block.");
        }
    }

    [GeneratedRegex(@"/dash-0[1-4]-[a-z0-9-]+\.kql$")]
    private static partial Regex DashboardFile();

    [GeneratedRegex(@"<!-- query: (?<file>[^ ]+) -->\n```kql\n(?<query>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex QueryBlock();
}
