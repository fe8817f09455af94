namespace MedicApp.Monitoring.Tests.Kql;

/// <summary>Every query of the monitoring binds against the Application Insights tables and the event catalogue.</summary>
public sealed class KqlQueriesTests
{
    [Fact]
    public async Task EveryQuery_ParsesBindsAndReadsOnlyCatalogueEventsAndProperties()
    {
        var result = await KqlCheck.RunAsync(KqlCheck.Catalogue, KqlCheck.Sources);

        Assert.True(result.ExitCode == 0, result.Messages);
        var sources = result.Queries.Select(static q => q.GetProperty("source").GetString()!).ToList();
        Assert.Equal(Directory.GetFiles(Repository.PathOf("infra/queries"), "*.kql").Length, sources.Count(static s => s.EndsWith(".kql", StringComparison.Ordinal)));
        Assert.Contains(sources, static s => s == "docs/M3_KQL_QUERIES.md");
    }

    [Fact]
    public async Task EveryAgo_SpansTheWindowOfTheRuleOrTileThatRunsIt()
    {
        var windows = await QueryWindows.FromTemplateAsync();

        var result = await KqlCheck.RunWithWindowsAsync(KqlCheck.Catalogue, await QueryWindows.WriteAsync(windows), KqlCheck.Sources);

        Assert.True(result.ExitCode == 0, result.Messages);
        Assert.Equal(new QueryWindow("PT15M", "PT5M"), windows["infra/queries/alert-04-error-rate.kql"]);
        Assert.Equal(new QueryWindow("PT1H", "PT15M"), windows["infra/queries/alert-01-new-registration.kql"]);
        Assert.Equal(new QueryWindow("P7D", null), windows["infra/queries/dash-04-security.kql"]);
        Assert.Equal(8 + 16, windows.Count);
    }

    [Fact]
    public async Task TileWhoseWindowDiffersFromItsAgo_BreaksTheCheck()
    {
        var windows = await QueryWindows.FromTemplateAsync();
        windows["infra/queries/dash-04-security.kql"] = new("P30D", null);

        var result = await KqlCheck.RunWithWindowsAsync(KqlCheck.Catalogue, await QueryWindows.WriteAsync(windows), KqlCheck.Sources);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("infra/queries/dash-04-security.kql:3:", result.Messages, StringComparison.Ordinal);
        Assert.Contains("docs/M3_KQL_QUERIES.md:", result.Messages, StringComparison.Ordinal);
        Assert.Contains("ago(7d) differs from the P30D window of the rule or tile that runs this query", result.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuleWhoseFrequencyDiffersFromItsIngestionFilter_BreaksTheCheck()
    {
        var windows = await QueryWindows.FromTemplateAsync();
        windows["infra/queries/alert-01-new-registration.kql"] = new("PT1H", "PT5M");

        var result = await KqlCheck.RunWithWindowsAsync(KqlCheck.Catalogue, await QueryWindows.WriteAsync(windows), KqlCheck.Sources);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("infra/queries/alert-01-new-registration.kql:4:", result.Messages, StringComparison.Ordinal);
        Assert.Contains("ago(15m) compared with ingestion_time() differs from the PT5M frequency of the rule that runs this query", result.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryEvent_IsReadBySomeQuery()
    {
        var result = await KqlCheck.RunAsync(KqlCheck.Catalogue, KqlCheck.Sources);

        var read = result.Queries.SelectMany(static q => q.GetProperty("events").EnumerateArray()).Select(static e => e.GetString()).ToHashSet();
        var catalogue = CatalogueFile.EventNames(Repository.PathOf(KqlCheck.Catalogue));
        Assert.Empty(catalogue.Except(read));
    }

    [Fact]
    public async Task RenamedProperty_BreaksTheCheckNamingTheQueryAndTheKey()
    {
        using var renamed = CatalogueFile.WithRenamedProperty("patient_registered", "channel", "signup_channel");

        var result = await KqlCheck.RunAsync(renamed.Path, KqlCheck.Sources);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("infra/queries/alert-01-new-registration.kql:6:", result.Messages, StringComparison.Ordinal);
        Assert.Contains("customDimensions key 'channel' is not a property of the events the query filters on (patient_registered)", result.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenamedEvent_BreaksTheCheck()
    {
        using var renamed = CatalogueFile.WithRenamedEvent("auth_login_failure", "auth_login_failed");

        var result = await KqlCheck.RunAsync(renamed.Path, KqlCheck.Sources);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("infra/queries/alert-05-brute-force-account.kql:3:", result.Messages, StringComparison.Ordinal);
        Assert.Contains("event 'auth_login_failure' is not in the catalogue", result.Messages, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("requests | summarize n = sum(itemCount), failed = sumif(itemCount, success == false), p95 = percentilew(duration, itemCount, 95)")]
    [InlineData("customEvents | summarize n = count(), p = percentile(todouble(customDimensions.time_to_sign_ms), 50)")]
    [InlineData("customEvents | summarize n = count() by week = startofweek(timestamp - 1d) + 1d")]
    [InlineData("customEvents | where timestamp >= (startofweek((now() - 1d)) + 1d) - 7d")]
    [InlineData("customEvents | summarize n = count() by bin(timestamp, 1d)")]
    public async Task WeightedCountsAndMondayWeeks_Pass(string query)
    {
        var directory = Directory.CreateTempSubdirectory("kql-check-").FullName;
        try
        {
            var file = Path.Combine(directory, "good.kql");
            await File.WriteAllTextAsync(file, query);

            var result = await KqlCheck.RunAsync(KqlCheck.Catalogue, file);

            Assert.True(result.ExitCode == 0, result.Messages);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void WeeklyReport_ListsEveryEventOfTheCatalogue_SoThatZeroCountsShow()
    {
        var listed = Datatable(Repository.PathOf("infra/queries/dash-06-weekly-business.kql"));

        Assert.Equal(CatalogueFile.EventNames(Repository.PathOf(KqlCheck.Catalogue)).Order(), listed.Order());
    }

    [Fact]
    public void Heartbeat_ListsEveryJobOfTheCatalogue_SoThatASilentOneFires()
    {
        var listed = Datatable(Repository.PathOf("infra/queries/job-heartbeat.kql"));

        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Repository.PathOf(KqlCheck.Catalogue)));
        var job = schema.RootElement.GetProperty("events").EnumerateArray().Single(static e => e.GetProperty("name").GetString() == "internal_job_completed")
            .GetProperty("properties").EnumerateArray().Single(static p => p.GetProperty("name").GetString() == "job");
        Assert.Equal(job.GetProperty("allowedValues").EnumerateArray().Select(static v => v.GetString()!).Order(), listed.Order());
    }

    // The string values of the query's datatable.
    private static List<string> Datatable(string file)
    {
        var text = File.ReadAllText(file);
        var start = text.IndexOf("datatable(", StringComparison.Ordinal);
        var values = text[text.IndexOf('[', start)..text.IndexOf(']', start)];
        return [.. System.Text.RegularExpressions.Regex.Matches(values, "\"([^\"]+)\"").Select(static m => m.Groups[1].Value)];
    }

    [Theory]
    [InlineData("customEvents | where nam == \"patient_registered\"", "KS142")]
    [InlineData("customEvent | take 1", "KS204")]
    [InlineData("requests | where success == | take 1", "KS")]
    [InlineData("customEvents | where name == \"patient_registred\"", "event 'patient_registred' is not in the catalogue")]
    [InlineData("customEvents | where name == \"patient_registered\" | extend c = customDimensions.chanel", "customDimensions key 'chanel'")]
    [InlineData("customEvents | where name == \"appointment_booked\" | extend m = customMeasurements.lead_time_ms", "customMeasurements is empty for custom events")]
    [InlineData("customEvents | extend k = \"channel\" | extend c = customDimensions[k]", "computed key")]
    [InlineData("requests | summarize n = count()", "count() over requests, which is sampled, counts kept rows only: weigh by itemCount with sum(itemCount)")]
    [InlineData("requests | summarize failed = countif(success == false) by bin(timestamp, 5m)", "countif() over requests, which is sampled")]
    [InlineData("dependencies | summarize p95 = percentile(duration, 95)", "percentile() over dependencies, which is sampled")]
    [InlineData("let e = exceptions | project type; e | summarize n = count() by type", "count() over exceptions, which is sampled")]
    [InlineData("exceptions | count", "count over exceptions, which is sampled")]
    [InlineData("customEvents | summarize n = count() by week = startofweek(timestamp)", "startofweek() starts weeks on Sunday")]
    [InlineData("customEvents | where timestamp >= startofweek(now()) - 7d", "startofweek() starts weeks on Sunday")]
    [InlineData("customEvents | summarize n = count() by bin(timestamp, 7d)", "bin(…, 7d) starts weeks on Thursday")]
    public async Task BadQuery_IsReported(string query, string expected)
    {
        var directory = Directory.CreateTempSubdirectory("kql-check-").FullName;
        try
        {
            var file = Path.Combine(directory, "bad.kql");
            await File.WriteAllTextAsync(file, query);

            var result = await KqlCheck.RunAsync(KqlCheck.Catalogue, file);

            Assert.Equal(1, result.ExitCode);
            Assert.Contains(expected, result.Messages, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
