using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace MedicApp.Telemetry;

/// <summary>
/// The events a catalogue class declares, with their properties, types, classifications, descriptions, areas and
/// versions: the single source of truth that the generated docs, the schema and the KQL checks read.
/// </summary>
public sealed class EventCatalogue
{
    private readonly EventDefinition[] _events;
    private readonly Dictionary<string, EventDefinition> _byName;

    /// <summary>Creates a catalogue. For generated code only.</summary>
    /// <param name="name">The full name of the catalogue class.</param>
    /// <param name="events">The events, in declaration order.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public EventCatalogue(string name, EventDefinition[] events)
    {
        ArgumentNullException.ThrowIfNull(events);
        Name = name ?? string.Empty;
        _events = events;
        _byName = new Dictionary<string, EventDefinition>(events.Length, StringComparer.Ordinal);
        foreach (var definition in events)
        {
            _byName.Add(definition.Name, definition);
        }
    }

    /// <summary>Gets the full name of the catalogue class.</summary>
    public string Name { get; }

    /// <summary>Gets the events, in declaration order.</summary>
    public IReadOnlyList<EventDefinition> Events => _events;

    /// <summary>Finds an event by name.</summary>
    /// <param name="name">The snake_case event name.</param>
    /// <returns>The event, or null when the catalogue has none by that name.</returns>
    public EventDefinition? Find(string name)
        => _byName.TryGetValue(name, out var definition) ? definition : null;
}
