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
        Assert.Contains("infra/queries/alert-01-new-registration.kql:4:", result.Messages, StringComparison.Ordinal);
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
    [InlineData("customEvents | where nam == \"patient_registered\"", "KS142")]
    [InlineData("customEvent | take 1", "KS204")]
    [InlineData("requests | where success == | take 1", "KS")]
    [InlineData("customEvents | where name == \"patient_registred\"", "event 'patient_registred' is not in the catalogue")]
    [InlineData("customEvents | where name == \"patient_registered\" | extend c = customDimensions.chanel", "customDimensions key 'chanel'")]
    [InlineData("customEvents | where name == \"appointment_booked\" | extend m = customMeasurements.lead_time_ms", "customMeasurements is empty for custom events")]
    [InlineData("customEvents | extend k = \"channel\" | extend c = customDimensions[k]", "computed key")]
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
