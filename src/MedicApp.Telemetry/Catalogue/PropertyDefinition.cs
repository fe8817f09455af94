using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.RegularExpressions;

namespace MedicApp.Telemetry;

/// <summary>The run-time description of one event property, as declared in the catalogue.</summary>
public sealed class PropertyDefinition
{
    private readonly string[] _allowedValues;
    private readonly FrozenSet<string>? _allowedSet;
    private readonly Regex? _pattern;

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
        : this(name, parameterName, description, type, isOptional, classification, clrTypeName, allowedValues, null, 0, null)
    {
    }

    /// <summary>Describes a property, a not-personal string with its declared shape. For generated code only.</summary>
    /// <param name="name">The snake_case key sent to the sinks.</param>
    /// <param name="parameterName">The C# parameter of the tracking method.</param>
    /// <param name="description">What the property means.</param>
    /// <param name="type">The kind of value.</param>
    /// <param name="isOptional">Whether the value may be absent (then nothing is sent for it).</param>
    /// <param name="classification">The privacy classification.</param>
    /// <param name="clrTypeName">The C# type, for the docs.</param>
    /// <param name="allowedValues">For an enum, the snake_case names it can take; for a string, the only values it can take.</param>
    /// <param name="pattern">For a string, the regular expression the whole value matches, or null.</param>
    /// <param name="maxLength">For a string, the longest value, or 0.</param>
    /// <param name="maxLengthReason">Why <paramref name="maxLength"/> is the only shape of the values, or null.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public PropertyDefinition(
        string name,
        string parameterName,
        string description,
        PropertyType type,
        bool isOptional,
        DataClassification classification,
        string clrTypeName,
        string[]? allowedValues,
        string? pattern,
        int maxLength,
        string? maxLengthReason)
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
        Pattern = pattern;
        MaxLength = maxLength;
        MaxLengthReason = maxLengthReason;
        if (type == PropertyType.String)
        {
            _allowedSet = _allowedValues.Length > 0 ? _allowedValues.ToFrozenSet(StringComparer.Ordinal) : null;

            // Built once per property. The linear-time engine: a value is checked in time proportional to its length,
            // whatever the pattern and whatever the caller passes, so no timeout is needed and no input can stall the caller.
            _pattern = pattern is null ? null : new Regex(@"\A(?:" + pattern + @")\z", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
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

    /// <summary>
    /// Gets, for an enum, the snake_case values it can take; for a not-personal string declared with
    /// <see cref="NotPersonalAttribute.AllowedValues"/>, the only values it can take; empty otherwise.
    /// </summary>
    public IReadOnlyList<string> AllowedValues => _allowedValues;

    /// <summary>Gets, for a not-personal string, the regular expression the whole value matches; null otherwise.</summary>
    public string? Pattern { get; }

    /// <summary>Gets, for a not-personal string declared with a maximum length only, that length; 0 otherwise.</summary>
    public int MaxLength { get; }

    /// <summary>Gets why <see cref="MaxLength"/> is the only shape of the values; null when it has none.</summary>
    public string? MaxLengthReason { get; }

    /// <summary>Gets whether a string property declares a shape its values are checked against.</summary>
    internal bool HasShape => _allowedSet is not null || _pattern is not null || MaxLength > 0;

    /// <summary>Whether a string value fits the declared shape (true when none is declared).</summary>
    internal bool FitsShape(string value)
    {
        if (_allowedSet is not null)
        {
            return _allowedSet.Contains(value);
        }

        if (_pattern is not null)
        {
            return _pattern.IsMatch(value);
        }

        return MaxLength <= 0 || value.Length <= MaxLength;
    }

    /// <inheritdoc/>
    public override string ToString() => Name + " (" + Type + ", " + Classification + ")";
}
