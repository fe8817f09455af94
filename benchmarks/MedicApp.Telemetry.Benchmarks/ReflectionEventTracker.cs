using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.ApplicationInsights;

namespace MedicApp.Telemetry.Benchmarks;

/// <summary>
/// The usual do-it-yourself tracker: any object's public properties, read by reflection on every call, become the
/// event's properties. It stands for what a team writes when it wants one <c>Track</c> method instead of a dictionary
/// at each call site, and has neither a catalogue nor a privacy policy.
/// </summary>
public sealed class ReflectionEventTracker
{
    private readonly TelemetryClient _client;

    /// <summary>Creates the tracker over a telemetry client.</summary>
    /// <param name="client">The client that sends the events.</param>
    public ReflectionEventTracker(TelemetryClient client) => _client = client;

    /// <summary>Tracks an event whose properties are those of <paramref name="properties"/>, such as an anonymous object.</summary>
    /// <param name="name">The event name.</param>
    /// <param name="properties">An object whose public properties are sent, formatted in the invariant culture.</param>
    public void Track(string name, object properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in properties.GetType().GetProperties())
        {
            values[property.Name] = Convert.ToString(property.GetValue(properties), CultureInfo.InvariantCulture) ?? string.Empty;
        }

        _client.TrackEvent(name, values);
    }
}
