using MedicApp.Api.Demo;
using MedicApp.Api.Tests.Hosting;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;
using Npgsql;

namespace MedicApp.Api.Tests.Demo;

/// <summary>
/// The README's run command: the demo walks every flow over HTTP against a real Kestrel server and the local sink.
/// The events it emits are exactly the catalogue's, on SQLite and on PostgreSQL.
/// </summary>
public sealed class DemoTests
{
    [Fact]
    public async Task Demo_OnTheEmbeddedDefaults_EmitsExactlyTheCatalogue()
    {
        var directory = Directory.CreateTempSubdirectory("medicapp-demo-test-").FullName;
        try
        {
            var exitCode = await DemoCommand.RunAsync([$"--Demo:Directory={directory}", "--MedicAppTelemetry:Local:Console=false"], TextWriter.Null);

            Assert.Equal(0, exitCode);
            Assert.Equal(EventTracker.Catalogue.Events.Select(static e => e.Name).Order(), DemoCommand.EmittedEvents(Path.Combine(directory, "events.jsonl")).Order());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Demo_WithAnApplicationInsightsConnectionStringInTheEnvironment_StillWritesTheLocalSink()
    {
        var directory = Directory.CreateTempSubdirectory("medicapp-demo-test-").FullName;
        Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_CONNECTION_STRING", "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=http://127.0.0.1:9/");
        try
        {
            var exitCode = await DemoCommand.RunAsync([$"--Demo:Directory={directory}", "--MedicAppTelemetry:Local:Console=false"], TextWriter.Null);

            Assert.Equal(0, exitCode);
            Assert.Null(Environment.GetEnvironmentVariable("APPLICATIONINSIGHTS_CONNECTION_STRING"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_CONNECTION_STRING", null);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Demo_OnPostgreSql_EmitsExactlyTheCatalogue()
    {
        var directory = Directory.CreateTempSubdirectory("medicapp-demo-test-").FullName;
        await using var database = await TestDatabase.CreateAsync(Data.DatabaseProvider.PostgreSql);
        try
        {
            var exitCode = await DemoCommand.RunAsync(
                [$"--Demo:Directory={directory}", "--MedicAppTelemetry:Local:Console=false", $"--ConnectionStrings:MedicApp={database.ConnectionString}"], TextWriter.Null);

            Assert.Equal(0, exitCode);
            Assert.Equal(EventTracker.Catalogue.Events.Select(static e => e.Name).Order(), DemoCommand.EmittedEvents(Path.Combine(directory, "events.jsonl")).Order());
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM \"Patients\"", connection);
            Assert.Equal(3L, await count.ExecuteScalarAsync());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
