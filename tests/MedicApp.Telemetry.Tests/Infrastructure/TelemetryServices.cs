using System;
using System.Collections.Generic;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;
using MedicApp.Telemetry.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedicApp.Telemetry.Tests.Infrastructure;

/// <summary>Builds service providers the way an application would, with a known pseudonymization key.</summary>
internal static class TelemetryServices
{
    public const string Key = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="; // 32 bytes, test only

    public static ServiceProvider InMemory(Action<MedicAppTelemetryOptions>? configure = null, Action<MedicAppTelemetryBuilder>? build = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddMedicAppTelemetry(options =>
        {
            options.Pseudonymization.Key = Key;
            configure?.Invoke(options);
        }).UseInMemorySink();
        build?.Invoke(builder);

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>A tracker over one sink, without a service provider, with the <c>k1</c> pseudonymization key.</summary>
    public static EventTracker Tracker(IEventSink sink, TelemetryHealth health, IOptions<MedicAppTelemetryOptions> options)
        => new(Pipeline(sink, health, options));

    /// <summary>A pipeline over one sink, without a service provider, with the <c>k1</c> pseudonymization key.</summary>
    public static EventPipeline Pipeline(IEventSink sink, TelemetryHealth health, IOptions<MedicAppTelemetryOptions> options)
        => new([sink], new Pseudonymizer(Convert.FromBase64String(Key), "k1"), RedactingTextScrubber.Instance, health, options);

    public static IConfiguration Configuration(IDictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
