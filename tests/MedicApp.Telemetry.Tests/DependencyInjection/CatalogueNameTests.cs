using System;
using System.Threading.Tasks;
using MedicApp.Telemetry.Events;
using MedicApp.Telemetry.Testing;
using MedicApp.Telemetry.Tests.Infrastructure;
using MedicApp.Telemetry.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace MedicApp.Telemetry.Tests.DependencyInjection;

public sealed class CatalogueNameTests
{
    [Fact]
    public async Task EventNameOfTwoCatalogues_StopsTheHostAtStart_NamingBoth()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development, DisableDefaults = true });
        builder.Services.AddMedicAppTelemetry().AddCatalogue<ClinicEvents>().UseInMemorySink();
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(
            "The event 'patient_registered' is declared by two catalogues, MedicApp.Telemetry.Events.EventTracker and MedicApp.Telemetry.Tests.DependencyInjection.ClinicEvents",
            exception.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void EventNameOfTwoCatalogues_WithoutAHost_FailsBeforeAnyEventIsTracked()
    {
        using var services = TelemetryServices.InMemory(build: static b => b.AddCatalogue<ClinicEvents>());

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<ClinicEvents>());

        Assert.Contains("'patient_registered'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DistinctNames_SameCatalogueAddedTwice_Start()
    {
        using var services = TelemetryServices.InMemory(build: static b => b.AddCatalogue<SupportEvents>().AddCatalogue<SupportEvents>());

        services.GetRequiredService<SupportEvents>().SupportTicketOpened("patient", "hello");
        services.GetRequiredService<EventTracker>().AuthMfaSent("account", MfaMethod.Sms);

        Assert.Equal(2, services.GetRequiredService<InMemoryEventSink>().Events.Count);
    }
}
