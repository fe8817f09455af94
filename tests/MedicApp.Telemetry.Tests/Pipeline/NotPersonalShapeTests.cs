using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedicApp.Telemetry.Events;
using MedicApp.Telemetry.Testing;
using MedicApp.Telemetry.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Xunit;

namespace MedicApp.Telemetry.Tests.Pipeline;

/// <summary>
/// A not-personal string is checked against its declared shape and the text scrubber before it is sent: a value that
/// fails either is withheld, marked and counted, and the event is still delivered.
/// </summary>
public sealed class NotPersonalShapeTests
{
    [Theory]
    [InlineData("jd@example.fr")]
    [InlineData("06 98 76 54 32")]
    [InlineData("fr-fr")]
    [InlineData("Jeanne Dupont")]
    public void PatientRegistered_LocaleOutsideItsAllowedValues_IsWithheldMarkedAndCounted(string locale)
    {
        using var services = TelemetryServices.InMemory(static o => o.StrictMode = false);

        services.GetRequiredService<EventTracker>().PatientRegistered("p", ClientChannel.Web, locale);

        var recorded = services.GetRequiredService<InMemoryEventSink>().LatestEvent;
        Assert.Equal("patient_registered", recorded.Name);
        Assert.Equal(TelemetryLimits.WithheldValue, recorded.Properties["locale"]);
        Assert.Equal("locale:outside_shape", recorded.Properties["event_warnings"]);
        Assert.DoesNotContain(recorded.Properties.Values, v => v.Contains(locale, StringComparison.Ordinal));
        var statistics = services.GetRequiredService<TelemetryHealth>().GetStatistics();
        Assert.Equal(1, statistics.ValuesWithheld);
        Assert.Equal(0, statistics.ValuesChanged);
        Assert.Equal(1, statistics.EventsTracked);
    }

    [Theory]
    [InlineData("Jeanne Dupont")]
    [InlineData("jd@example.fr")]
    [InlineData("clinic-8\n")]
    [InlineData("clinic-paris-8 06 98 76 54 32")]
    public void SignatureCabinetInitiated_ClinicIdOutsideItsPattern_IsWithheld(string clinicId)
    {
        using var services = TelemetryServices.InMemory(static o => o.StrictMode = false);

        services.GetRequiredService<EventTracker>().SignatureCabinetInitiated("p", clinicId, "prac-0001", SignatureDocument.CareContract);

        var recorded = services.GetRequiredService<InMemoryEventSink>().LatestEvent;
        Assert.Equal(TelemetryLimits.WithheldValue, recorded.Properties["clinic_id"]);
        Assert.Equal("clinic_id:outside_shape", recorded.Properties["event_warnings"]);
    }

    [Theory]
    [InlineData("clinic-7")]
    [InlineData("clinic-paris-8")]
    [InlineData("clinic-lyon-2")]
    public void SignatureCabinetInitiated_ClinicReference_IsSentAsIs(string clinicId)
    {
        using var services = TelemetryServices.InMemory();

        services.GetRequiredService<EventTracker>().SignatureCabinetInitiated("p", clinicId, "prac-0001", SignatureDocument.CareContract);

        var recorded = services.GetRequiredService<InMemoryEventSink>().LatestEvent;
        Assert.Equal(clinicId, recorded.Properties["clinic_id"]);
        Assert.False(recorded.Properties.ContainsKey(TelemetryLimits.WarningsProperty));
    }

    [Fact]
    public void EveryNotPersonalStringOfTheCatalogue_DeclaresAShape()
    {
        var strings = EventTracker.Catalogue.Events
            .SelectMany(static e => e.Properties)
            .Where(static p => p.Type == PropertyType.String && p.Classification == DataClassification.NotPersonal)
            .ToList();

        Assert.NotEmpty(strings);
        Assert.All(strings, static p => Assert.True(p.AllowedValues.Count > 0 || p.Pattern is not null || p.MaxLength > 0, p.Name));
    }

    [Fact]
    public void PatientRegistered_EveryAllowedLocale_IsACultureTheRuntimeKnows()
    {
        var locale = EventTracker.Catalogue.Events.Single(static e => e.Name == "patient_registered").Properties.Single(static p => p.Name == "locale");

        Assert.NotEmpty(locale.AllowedValues);
        Assert.All(locale.AllowedValues, static v => Assert.Equal(v, CultureInfo.GetCultureInfo(v, predefinedOnly: true).Name));
    }

    [Theory]
    [InlineData("fr-FR", "scr-1", "2026.12.3")]
    [InlineData("en-GB", "scr-9999", "b")]
    [InlineData(null, "scr-42", "12345678901234567890123456789012")]
    public void Shapes_ValuesThatFit_AreSentUnchanged(string? locale, string screen, string build)
    {
        using var services = Shaped(strict: true);

        services.GetRequiredService<ShapedEvents>().ScreenOpened(locale, screen, build);

        var recorded = services.GetRequiredService<InMemoryEventSink>().LatestEvent;
        Assert.Equal(locale, recorded.Properties.TryGetValue("locale", out var sent) ? sent : null);
        Assert.Equal(screen, recorded.Properties["screen"]);
        Assert.Equal(build, recorded.Properties["build"]);
        Assert.False(recorded.Properties.ContainsKey(TelemetryLimits.WarningsProperty));
        Assert.Equal(0, services.GetRequiredService<TelemetryHealth>().GetStatistics().ValuesWithheld);
    }

    [Theory]
    [InlineData("de-DE", "scr-1", "b", "locale:outside_shape")]
    [InlineData("fr-FR ", "scr-1", "b", "locale:outside_shape")]
    [InlineData("fr-FR", "scr-12345", "b", "screen:outside_shape")]
    [InlineData("fr-FR", "xscr-1", "b", "screen:outside_shape")]
    [InlineData("fr-FR", "scr-1\n", "b", "screen:outside_shape")]
    [InlineData("fr-FR", "scr-1", "123456789012345678901234567890123", "build:outside_shape")]
    [InlineData("fr-FR", "scr-1", "jd@example.fr", "build:looks_personal")]
    [InlineData("fr-FR", "scr-1", "+33 6 98 76 54 32", "build:looks_personal")]
    [InlineData("en-US", "jeanne", "06 98 76 54 32", "locale:outside_shape,screen:outside_shape,build:looks_personal")]
    public void Shapes_ValuesThatDoNotFit_AreWithheldAndTheEventIsDelivered(string locale, string screen, string build, string warnings)
    {
        using var services = Shaped(strict: false);

        services.GetRequiredService<ShapedEvents>().ScreenOpened(locale, screen, build);

        var recorded = Assert.Single(services.GetRequiredService<InMemoryEventSink>().Events);
        Assert.Equal(warnings, recorded.Properties[TelemetryLimits.WarningsProperty]);
        foreach (var name in warnings.Split(',').Select(static w => w[..w.IndexOf(':', StringComparison.Ordinal)]))
        {
            Assert.Equal(TelemetryLimits.WithheldValue, recorded.Properties[name]);
        }

        Assert.Equal(warnings.Split(',').Length, services.GetRequiredService<TelemetryHealth>().GetStatistics().ValuesWithheld);
    }

    [Theory]
    [InlineData("jd@example.fr")]
    [InlineData("+33 6 98 76 54 32")]
    public void UnshapedString_PersonalValue_IsWithheld(string unit)
    {
        using var services = TelemetryServices.InMemory(static o => o.StrictMode = false, static b => b.AddCatalogue<ValueTypeEvents>());

        services.GetRequiredService<ValueTypeEvents>().OptionalValuesMeasured(unit, null, null, null, null, null, null);

        var recorded = services.GetRequiredService<InMemoryEventSink>().LatestEvent;
        Assert.Equal(TelemetryLimits.WithheldValue, recorded.Properties["unit"]);
        Assert.Equal("unit:looks_personal", recorded.Properties[TelemetryLimits.WarningsProperty]);
    }

    [Theory]
    [InlineData("jd@example.fr", ValueIssue.OutsideShape)]
    [InlineData("06 98 76 54 32", ValueIssue.OutsideShape)]
    public void StrictMode_PersonalLocale_ThrowsWithoutTheValueAndSendsNothing(string locale, ValueIssue issue)
    {
        using var services = TelemetryServices.InMemory();

        var exception = Assert.Throws<TelemetryValueException>(() => services.GetRequiredService<EventTracker>().PatientRegistered("p", ClientChannel.Web, locale));

        Assert.Equal("patient_registered", exception.EventName);
        Assert.Equal("locale", exception.PropertyName);
        Assert.Equal(issue, exception.Issue);
        Assert.DoesNotContain(locale, exception.Message, StringComparison.Ordinal);
        Assert.Empty(services.GetRequiredService<InMemoryEventSink>().Events);
    }

    [Fact]
    public void StrictMode_ValueThatFitsButLooksPersonal_Throws()
    {
        using var services = Shaped(strict: true);

        var exception = Assert.Throws<TelemetryValueException>(() => services.GetRequiredService<ShapedEvents>().ScreenOpened("fr-FR", "scr-1", "jd@example.fr"));

        Assert.Equal(ValueIssue.LooksPersonal, exception.Issue);
        Assert.Equal("build", exception.PropertyName);
    }

    [Fact]
    public void RedactingTextScrubber_CleanValue_IsStillSent()
    {
        // That scrubber finds nothing and redacts all free text: not-personal strings are looked at by PiiScrubber instead.
        using var services = TelemetryServices.InMemory(build: static b => b.AddCatalogue<ShapedEvents>().UseTextScrubber<RedactingTextScrubber>());

        services.GetRequiredService<ShapedEvents>().ScreenOpened("fr-FR", "scr-1", "2026.12.3");

        var recorded = services.GetRequiredService<InMemoryEventSink>().LatestEvent;
        Assert.Equal("2026.12.3", recorded.Properties["build"]);
        Assert.False(recorded.Properties.ContainsKey(TelemetryLimits.WarningsProperty));
    }

    [Fact]
    public void RedactingTextScrubber_PersonalValue_IsWithheld()
    {
        using var services = TelemetryServices.InMemory(static o => o.StrictMode = false, static b => b.AddCatalogue<ShapedEvents>().UseTextScrubber<RedactingTextScrubber>());

        services.GetRequiredService<ShapedEvents>().ScreenOpened("fr-FR", "scr-1", "jd@example.fr");

        Assert.Equal(TelemetryLimits.WithheldValue, services.GetRequiredService<InMemoryEventSink>().LatestEvent.Properties["build"]);
    }

    [Fact]
    public void WithheldValue_IsLoggedAsAWarningWithoutTheValue()
    {
        var logger = new FakeLogger<TelemetryHealth>();
        var options = Options.Create(new MedicAppTelemetryOptions { StrictMode = false });
        using var health = new TelemetryHealth(logger);

        new EventTracker(TelemetryServices.Pipeline(new NoOpSink(), health, options)).PatientRegistered("p", ClientChannel.Web, "jd@example.fr");

        var record = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Contains("'locale'", record.Message, StringComparison.Ordinal);
        Assert.Contains("'patient_registered'", record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("jd@example.fr", record.Message, StringComparison.Ordinal);
        Assert.Equal(1, health.GetStatistics().ValuesWithheld);
    }

    [Fact]
    public void CleanValues_AllocateNothingOnTheCallersThread()
    {
        var options = Options.Create(new MedicAppTelemetryOptions { StrictMode = true });
        using var health = new TelemetryHealth();
        var events = new ShapedEvents(TelemetryServices.Pipeline(new NoOpSink(), health, options));
        for (var i = 0; i < 100; i++)
        {
            events.ScreenOpened("fr-FR", "scr-42", "2026.12.3");
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            events.ScreenOpened("fr-FR", "scr-42", "2026.12.3");
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(0, health.GetStatistics().ValuesWithheld);
    }

    private static ServiceProvider Shaped(bool strict)
        => TelemetryServices.InMemory(o => o.StrictMode = strict, static b => b.AddCatalogue<ShapedEvents>());

    private sealed class NoOpSink : IEventSink
    {
        public string Name => "no-op";

        public void Emit(EventRecord record)
        {
        }

        public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
