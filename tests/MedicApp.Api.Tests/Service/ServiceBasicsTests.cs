using System.Net;
using MedicApp.Api.Data;
using MedicApp.Api.Tests.Hosting;

namespace MedicApp.Api.Tests.Service;

public abstract class ServiceBasicsTests : ApiTest
{
    public sealed class OnSqlite : ServiceBasicsTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class OnPostgreSql : ServiceBasicsTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    }

    [Fact]
    public async Task Health_ReportsTheDatabase()
    {
        var health = await Client.GetAsync("/health", HttpStatusCode.OK);

        Assert.Equal("Healthy", health.Text("status"));
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("database").Text("status"));
    }

    [Fact]
    public async Task OpenApi_DescribesEveryFlowAndBothJobs()
    {
        var document = await Client.GetAsync("/openapi/v1.json", HttpStatusCode.OK);

        var paths = document.GetProperty("paths").EnumerateObject().Select(static p => p.Name).ToList();
        Assert.Contains("/patients", paths);
        Assert.Contains("/auth/login", paths);
        Assert.Contains("/webhooks/yousign", paths);
        Assert.Contains("/appointments", paths);
        Assert.Contains("/prescriptions", paths);
        Assert.Contains("/internal/check-reflection-period", paths);
        Assert.Contains("/internal/check-abandoned-journeys", paths);
    }

    [Theory]
    [InlineData("Data Source=medicapp.db", "Sqlite")]
    [InlineData("data source=/var/data/x.db;Cache=Shared", "Sqlite")]
    [InlineData("Host=db.postgres.database.azure.com;Database=medicapp;Username=app;Password=p", "PostgreSql")]
    public void ProviderOf_ConnectionString_PicksTheProvider(string connectionString, string expected)
        => Assert.Equal(Enum.Parse<DatabaseProvider>(expected), DatabaseServiceCollectionExtensions.ProviderOf(connectionString));

    [Fact]
    public void ProviderOf_NeitherForm_ExplainsWithoutShowingTheSecret()
    {
        var error = Assert.Throws<InvalidOperationException>(static () => DatabaseServiceCollectionExtensions.ProviderOf("Endpoint=x;Password=hunter2"));

        Assert.Contains("Data Source=", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }
}
