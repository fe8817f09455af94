using System.Globalization;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MedicApp.Api.Tests.Hosting;

/// <summary>Checks the events the API tracked, with the exact values that would have been sent.</summary>
internal static class EventAssert
{
    /// <summary>
    /// Asserts that exactly one <paramref name="name"/> event was tracked, that it carries every property of its
    /// definition, and that the given ones have exactly these values.
    /// </summary>
    public static RecordedEvent Single(ApiHost host, string name, IDictionary<string, string> expected)
    {
        var events = host.Events.GetEvents(name);
        Assert.True(events.Count == 1, $"{events.Count} {name} events instead of 1: {string.Join(" | ", host.Events.Events)}");
        var recorded = events[0];
        foreach (var property in recorded.Definition.Properties)
        {
            Assert.True(recorded.Properties.ContainsKey(property.Name) || property.IsOptional, $"{name} lacks {property.Name}: {recorded}");
        }

        foreach (var (key, value) in expected)
        {
            Assert.True(recorded.Properties.TryGetValue(key, out var actual), $"{name} has no {key}: {recorded}");
            Assert.Equal(value, actual);
        }

        return recorded;
    }

    /// <summary>The pseudonym the SDK sends for <paramref name="id"/>.</summary>
    public static string Pseudonym(ApiHost host, string id) => host.Services.GetRequiredService<Pseudonymizer>().Pseudonymize(id);

    /// <summary>A duration as the SDK sends it: milliseconds, invariant culture.</summary>
    public static string Milliseconds(TimeSpan duration) => duration.TotalMilliseconds.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The transitions tracked for a patient, as "from>to:trigger".</summary>
    public static IReadOnlyList<string> Transitions(ApiHost host, string patientId)
    {
        var pseudonym = Pseudonym(host, patientId);
        return [.. host.Events.GetEvents("patient_journey_transition")
            .Where(e => e.Properties["patient_id"] == pseudonym)
            .Select(static e => $"{e.Properties["from_state"]}>{e.Properties["to_state"]}:{e.Properties["trigger"]}")];
    }
}
