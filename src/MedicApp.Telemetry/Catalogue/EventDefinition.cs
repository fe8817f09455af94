using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;

namespace MedicApp.Telemetry;

/// <summary>The run-time description of one business event, as declared in the catalogue.</summary>
public sealed class EventDefinition
{
    private readonly PropertyDefinition[] _properties;

    /// <summary>Describes an event. For generated code only.</summary>
    /// <param name="name">The snake_case event name.</param>
    /// <param name="description">What happened.</param>
    /// <param name="area">The area, such as <c>LOG-11</c>.</param>
    /// <param name="schemaVersion">The schema version, from 1.</param>
    /// <param name="methodName">The tracking method.</param>
    /// <param name="properties">The properties, in parameter order.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public EventDefinition(string name, string description, string area, int schemaVersion, string methodName, PropertyDefinition[] properties)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentOutOfRangeException.ThrowIfLessThan(schemaVersion, 1);
        Name = name;
        Description = description ?? string.Empty;
        Area = area ?? string.Empty;
        SchemaVersion = schemaVersion;
        SchemaVersionText = schemaVersion.ToString(CultureInfo.InvariantCulture);
        MethodName = methodName ?? string.Empty;
        _properties = properties;
    }

    /// <summary>Gets the snake_case event name, as it appears in <c>customEvents</c>.</summary>
    public string Name { get; }

    /// <summary>Gets what happened.</summary>
    public string Description { get; }

    /// <summary>Gets the area the event belongs to, such as <c>LOG-11</c>.</summary>
    public string Area { get; }

    /// <summary>Gets the schema version, sent as <c>schema_version</c>.</summary>
    public int SchemaVersion { get; }

    /// <summary>Gets the tracking method that sends the event.</summary>
    public string MethodName { get; }

    /// <summary>Gets the properties, in parameter order.</summary>
    public IReadOnlyList<PropertyDefinition> Properties => _properties;

    internal string SchemaVersionText { get; }

    internal PropertyDefinition[] PropertyArray => _properties;

    /// <summary>Finds a property by its snake_case name.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The property, or null when the event has none by that name.</returns>
    public PropertyDefinition? FindProperty(string name)
    {
        foreach (var property in _properties)
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal))
            {
                return property;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => Name + " v" + SchemaVersionText;
}
