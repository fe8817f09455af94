using System.Text.RegularExpressions;

namespace MedicApp.Monitoring.Tests.Kql;

/// <summary>The documents show the queries exactly as infra/queries holds them.</summary>
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
        AssertBlocksEqualFiles("docs/M3_KQL_QUERIES.md", blocks);
    }

    [Fact]
    public void WeeklyReportGuide_ShowsBothReportQueriesAsTheirFiles()
    {
        var document = File.ReadAllText(Repository.PathOf("docs/DASH06_WEEKLY_REPORT_SETUP.md"));

        var blocks = QueryBlock().Matches(document).ToDictionary(static m => m.Groups["file"].Value, static m => m.Groups["query"].Value);

        Assert.Equal(["infra/queries/dash-06-weekly-business.kql", "infra/queries/dash-06-weekly-technical.kql"], blocks.Keys.Order());
        AssertBlocksEqualFiles("docs/DASH06_WEEKLY_REPORT_SETUP.md", blocks);
    }

    private static void AssertBlocksEqualFiles(string document, Dictionary<string, string> blocks)
    {
        foreach (var (file, query) in blocks)
        {
            Assert.True(File.ReadAllText(Repository.PathOf(file)).TrimEnd('\n') == query.TrimEnd('\n'), $"{document} shows {file} differently from the file: copy the file into the block.");
        }
    }

    [GeneratedRegex(@"/dash-0[1-4]-[a-z0-9-]+\.kql$")]
    private static partial Regex DashboardFile();

    [GeneratedRegex(@"<!-- query: (?<file>[^ ]+) -->\n```kql\n(?<query>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex QueryBlock();
}
