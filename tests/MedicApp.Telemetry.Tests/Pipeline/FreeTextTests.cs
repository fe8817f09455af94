using MedicApp.Telemetry.Testing;
using MedicApp.Telemetry.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace MedicApp.Telemetry.Tests.Pipeline;

public sealed class FreeTextTests
{
    [Fact]
    public void FreeText_GoesThroughPiiScrubberByDefault()
    {
        var services = new ServiceCollection();
        services.AddMedicAppTelemetry(static o => o.Pseudonymization.Key = TelemetryServices.Key)
            .AddCatalogue<SupportEvents>()
            .UseInMemorySink();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<SupportEvents>().SupportTicketOpened(
            "patient-42", "Rappelez-moi au 06 12 34 56 78 ou jeanne.martin@example.fr, dossier 2024-118");

        var recorded = Assert.Single(provider.GetRequiredService<InMemoryEventSink>().Events);
        Assert.Equal("Rappelez-moi au [phone] ou [email], dossier 2024-118", recorded.Properties["message"]);
    }

    [Fact]
    public void FreeText_WithRedactingScrubber_KeepsOnlyTheLength()
    {
        var services = new ServiceCollection();
        services.AddMedicAppTelemetry(static o => o.Pseudonymization.Key = TelemetryServices.Key)
            .AddCatalogue<SupportEvents>()
            .UseTextScrubber<RedactingTextScrubber>()
            .UseInMemorySink();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<SupportEvents>().SupportTicketOpened("patient-42", "Rappelez-moi");

        Assert.Equal("[redacted:12]", Assert.Single(provider.GetRequiredService<InMemoryEventSink>().Events).Properties["message"]);
    }
}
