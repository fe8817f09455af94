using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace MedicApp.Telemetry;

/// <summary>The run-time description of one event property, as declared in the catalogue.</summary>
public sealed class PropertyDefinition
{
    private readonly string[] _allowedValues;

    /// <summary>Describes a property. For generated code only.</summary>
    /// <param name="name">The snake_case key sent to the sinks.</param>
    /// <param name="parameterName">The C# parameter of the tracking method.</param>
    /// <param name="description">What the property means.</param>
    /// <param name="type">The kind of value.</param>
    /// <param name="isOptional">Whether the value may be absent (then nothing is sent for it).</param>
    /// <param name="classification">The privacy classification.</param>
    /// <param name="clrTypeName">The C# type, for the docs.</param>
    /// <param name="allowedValues">For an enum, the snake_case names it can take.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public PropertyDefinition(
        string name,
        string parameterName,
        string description,
        PropertyType type,
        bool isOptional,
        DataClassification classification,
        string clrTypeName,
        string[]? allowedValues)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        ParameterName = parameterName ?? string.Empty;
        Description = description ?? string.Empty;
        Type = type;
        IsOptional = isOptional;
        Classification = classification;
        ClrTypeName = clrTypeName ?? string.Empty;
        _allowedValues = allowedValues ?? [];
    }

    /// <summary>Gets the snake_case key sent to the sinks.</summary>
    public string Name { get; }

    /// <summary>Gets the C# parameter name of the tracking method.</summary>
    public string ParameterName { get; }

    /// <summary>Gets what the property means.</summary>
    public string Description { get; }

    /// <summary>Gets the kind of value.</summary>
    public PropertyType Type { get; }

    /// <summary>Gets whether the value may be absent; an absent value is not sent at all.</summary>
    public bool IsOptional { get; }

    /// <summary>Gets the privacy classification.</summary>
    public DataClassification Classification { get; }

    /// <summary>Gets the C# type as declared.</summary>
    public string ClrTypeName { get; }

    /// <summary>Gets, for an enum, the snake_case values it can take; empty otherwise.</summary>
    public IReadOnlyList<string> AllowedValues => _allowedValues;

    /// <inheritdoc/>
    public override string ToString() => Name + " (" + Type + ", " + Classification + ")";
}
