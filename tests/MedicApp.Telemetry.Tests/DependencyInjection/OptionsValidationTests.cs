using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading.Tasks;
using MedicApp.Telemetry.Events;
using MedicApp.Telemetry.Testing;
using MedicApp.Telemetry.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace MedicApp.Telemetry.Tests.DependencyInjection;

public sealed class OptionsValidationTests
{
    [Fact]
    public void Production_WithoutKey_RefusesToStartAndSaysWhatToSet()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production, DisableDefaults = true });
        builder.Services.AddMedicAppTelemetry();
        using var host = builder.Build();

        var exception = Assert.Throws<OptionsValidationException>(() => host.StartAsync().GetAwaiter().GetResult());

        Assert.Contains("MedicAppTelemetry__Pseudonymization__Key", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'Production'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_WithoutKey_UsesDevelopmentKeyId()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development, DisableDefaults = true });
        builder.Services.AddMedicAppTelemetry().UseInMemorySink();
        using var host = builder.Build();

        host.Services.GetRequiredService<EventTracker>().AuthMfaSent("account", MfaMethod.Sms);

        var pseudonym = host.Services.GetRequiredService<InMemoryEventSink>().LatestEvent.Properties["account_id"];
        Assert.StartsWith("dev:", pseudonym, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_WithAConnectionStringAndNoKey_RefusesToStartAndSaysWhatToSet()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development, DisableDefaults = true });
        builder.Services.AddMedicAppTelemetry(o => o.ApplicationInsights.ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000001");
        using var host = builder.Build();

        var exception = Assert.Throws<OptionsValidationException>(() => host.StartAsync().GetAwaiter().GetResult());

        Assert.Contains("events go to Application Insights", exception.Message, StringComparison.Ordinal);
        Assert.Contains("MedicAppTelemetry__Pseudonymization__Key", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_WithAConnectionStringAndNoKey_NeverPseudonymizesWithTheDevelopmentKey()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development, DisableDefaults = true });
        builder.Services.AddMedicAppTelemetry(o => o.ApplicationInsights.ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000001");
        using var host = builder.Build();

        // Without the start-up check (a host that is never started), resolving the pseudonymizer fails too.
        Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<Pseudonymizer>());
    }

    [Theory]
    [InlineData("not base64!", "not valid base64")]
    [InlineData("c2hvcnQ=", "at least 32")]
    public void InvalidKey_IsRejected(string key, string expected)
    {
        using var services = TelemetryServices.InMemory(o => o.Pseudonymization.Key = key);

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<EventTracker>());

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00", "00:00:30", 256, "PollInterval must be positive")]
    [InlineData("00:00:05", "00:00:04", 256, "ClaimDuration must be at least 5 seconds")]
    [InlineData("00:00:20", "00:00:30", 256, "PollInterval (00:00:20) must be at most half of ClaimDuration (00:00:30)")]
    [InlineData("00:00:05", "00:00:30", 0, "BatchSize must be between 1 and 512")]
    [InlineData("00:00:05", "00:00:30", 513, "BatchSize must be between 1 and 512")]
    public void InvalidOutboxSettings_AreRejectedWithWhatToChange(string pollInterval, string claimDuration, int batchSize, string expected)
    {
        using var services = TelemetryServices.InMemory(o =>
        {
            o.Outbox.PollInterval = TimeSpan.Parse(pollInterval, CultureInfo.InvariantCulture);
            o.Outbox.ClaimDuration = TimeSpan.Parse(claimDuration, CultureInfo.InvariantCulture);
            o.Outbox.BatchSize = batchSize;
        });

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<EventTracker>());

        Assert.Contains("MedicAppTelemetry:Outbox:" + expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutboxSettings_PollIntervalHalfOfTheClaim_AreAccepted()
    {
        using var services = TelemetryServices.InMemory(static o =>
        {
            o.Outbox.PollInterval = TimeSpan.FromSeconds(15);
            o.Outbox.ClaimDuration = TimeSpan.FromSeconds(30);
        });

        Assert.NotNull(services.GetRequiredService<EventTracker>());
    }

    [Fact]
    public void ConfigurationSection_IsBound()
    {
        var configuration = TelemetryServices.Configuration(new Dictionary<string, string?>
        {
            ["MedicAppTelemetry:Pseudonymization:Key"] = TelemetryServices.Key,
            ["MedicAppTelemetry:Pseudonymization:KeyId"] = "k7",
            ["MedicAppTelemetry:Local:Console"] = "false",
        });
        var services = new ServiceCollection();
        services.AddMedicAppTelemetry(configuration.GetSection("MedicAppTelemetry")).UseInMemorySink();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<EventTracker>().AuthMfaSent("account", MfaMethod.Sms);

        Assert.StartsWith("k7:", provider.GetRequiredService<InMemoryEventSink>().LatestEvent.Properties["account_id"], StringComparison.Ordinal);
        Assert.False(provider.GetRequiredService<IOptions<MedicAppTelemetryOptions>>().Value.Local.Console);
    }

    [Fact]
    public void WholeConfiguration_InsteadOfTheSection_BindsItsMedicAppTelemetrySection()
    {
        var configuration = TelemetryServices.Configuration(new Dictionary<string, string?>
        {
            ["MedicAppTelemetry:Pseudonymization:Key"] = TelemetryServices.Key,
            ["MedicAppTelemetry:Pseudonymization:KeyId"] = "k7",
        });
        var services = new ServiceCollection();
        services.AddMedicAppTelemetry(configuration).UseInMemorySink();
        using var provider = services.BuildServiceProvider();

        Assert.Equal("k7", provider.GetRequiredService<IOptions<MedicAppTelemetryOptions>>().Value.Pseudonymization.KeyId);
    }

    [Fact]
    public async Task WithoutArguments_BindsTheApplicationsSection()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MedicAppTelemetry:Pseudonymization:Key"] = TelemetryServices.Key,
            ["MedicAppTelemetry:Pseudonymization:KeyId"] = "k7",
            ["MedicAppTelemetry:Local:QueueCapacity"] = "12",
        });
        builder.Services.AddMedicAppTelemetry().UseInMemorySink();
        using var host = builder.Build();

        await host.StartAsync(); // outside Development, only with the key of the section
        host.Services.GetRequiredService<EventTracker>().AuthMfaSent("account", MfaMethod.Sms);

        Assert.StartsWith("k7:", host.Services.GetRequiredService<InMemoryEventSink>().LatestEvent.Properties["account_id"], StringComparison.Ordinal);
        Assert.Equal(12, host.Services.GetRequiredService<IOptions<MedicAppTelemetryOptions>>().Value.Local.QueueCapacity);
        await host.StopAsync();
    }
}
