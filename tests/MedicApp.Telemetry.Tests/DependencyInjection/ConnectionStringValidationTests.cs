using System;
using MedicApp.Telemetry.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace MedicApp.Telemetry.Tests.DependencyInjection;

/// <summary>A connection string the exporter would refuse stops the host at start, with what is wrong in it.</summary>
public sealed class ConnectionStringValidationTests
{
    private const string InstrumentationKey = "3f2b7c1e-9d4a-4c5b-8e6f-0a1b2c3d4e5f";

    [Theory]
    [InlineData("InstrumentationKey=" + InstrumentationKey + ";IngestionEndpoint=not a uri", "has IngestionEndpoint 'not a uri', which is not an absolute http or https URI")]
    [InlineData("InstrumentationKey=" + InstrumentationKey + ";IngestionEndpoint=ftp://example.org/", "has IngestionEndpoint 'ftp://example.org/', which is not an absolute http or https URI")]
    [InlineData("InstrumentationKey=" + InstrumentationKey + ";LiveEndpoint=/relative", "has LiveEndpoint '/relative', which is not an absolute http or https URI")]
    [InlineData("InstrumentationKey=not-a-guid", "has an InstrumentationKey that is not a GUID")]
    [InlineData("IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/", "has no InstrumentationKey")]
    [InlineData(InstrumentationKey, "is a GUID alone: the key is written InstrumentationKey=<GUID>")]
    [InlineData("InstrumentationKey=" + InstrumentationKey + ";;IngestionEndpoint=https://example.org/", "has an empty segment")]
    [InlineData("InstrumentationKey=" + InstrumentationKey + ";instrumentationkey=" + InstrumentationKey, "has instrumentationkey twice")]
    [InlineData("InstrumentationKey=" + InstrumentationKey + ";IngestionEndpoint=", "has IngestionEndpoint without a value")]
    [InlineData("InstrumentationKey=" + InstrumentationKey + ";Location=west europe;EndpointSuffix=applicationinsights.azure.com", "has Location 'west europe', which is not an Azure region name")]
    [InlineData("InstrumentationKey=" + InstrumentationKey + ";MedicAppTelemetry=events", "has a MedicAppTelemetry key")]
    public void InvalidConnectionString_StopsTheHostAtStart_SayingWhichSettingAndWhat(string connectionString, string expected)
    {
        using var host = BuildHost(connectionString);

        var exception = Assert.Throws<OptionsValidationException>(() => host.StartAsync().GetAwaiter().GetResult());

        Assert.Contains("connection string (MedicAppTelemetry:ApplicationInsights:ConnectionString) " + expected, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(InstrumentationKey, exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("InstrumentationKey=" + InstrumentationKey)]
    [InlineData("InstrumentationKey=" + InstrumentationKey + ";IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/;LiveEndpoint=https://westeurope.livediagnostics.monitor.azure.com/;ApplicationId=0d9d5a3e-1f1e-4b7a-9c55-2f0c3f1a6b21")]
    [InlineData(" InstrumentationKey = " + InstrumentationKey + " ; IngestionEndpoint = http://127.0.0.1:5000/ ;")]
    [InlineData("instrumentationkey=" + InstrumentationKey + ";EndpointSuffix=applicationinsights.azure.cn;Location=chinaeast2")]
    public void ConnectionStringTheExporterAccepts_Passes(string connectionString)
    {
        var options = new MedicAppTelemetryOptions();
        options.Pseudonymization.Key = TelemetryServices.Key;
        options.ApplicationInsights.ConnectionString = connectionString;

        var result = new MedicAppTelemetryOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    private static IHost BuildHost(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production, DisableDefaults = true });
        builder.Services.AddMedicAppTelemetry(o =>
        {
            o.Pseudonymization.Key = TelemetryServices.Key;
            o.ApplicationInsights.ConnectionString = connectionString;
        });
        return builder.Build();
    }
}
