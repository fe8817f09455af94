using MedicApp.Api.Data;
using MedicApp.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace MedicApp.Api.Tests.Hosting;

/// <summary>
/// A test class with a host of its own, an HTTP client and the patient steps. Each flow's tests run on both databases:
/// the class is abstract, with one nested class per provider.
/// </summary>
public abstract class ApiTest : IAsyncLifetime
{
    internal abstract DatabaseProvider Provider { get; }

    /// <summary>Gets the settings that override the test defaults for this class's host (null removes one).</summary>
    internal virtual IDictionary<string, string?>? Settings => null;

    internal ApiHost Host { get; private set; } = null!;

    internal HttpClient Client { get; private set; } = null!;

    internal PatientSteps Steps { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await ApiHost.StartAsync(Provider, Settings);
        Client = Host.CreateClient();
        Steps = new PatientSteps(Host, Client);
    }

    public async Task DisposeAsync()
    {
        // Every event a flow tracked in a unit of work was saved with its changes: none was reported dropped as unsaved.
        var dropped = Host.Services.GetRequiredService<TelemetryHealth>().GetStatistics().EventsDropped;

        // No flow, expected conflicts and refusals included, logs an error: in production each would be an exception in
        // Application Insights and could raise an alert.
        var errors = Host.ErrorLogs;
        Steps.Dispose();
        Client.Dispose();
        await Host.DisposeAsync();
        Assert.Equal(0, dropped);
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }
}
