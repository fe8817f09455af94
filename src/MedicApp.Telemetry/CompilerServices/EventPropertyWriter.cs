using System;
using System.ComponentModel;
using System.Globalization;

namespace MedicApp.Telemetry.CompilerServices;

/// <summary>
/// Writes the properties of one event into its <see cref="EventRecord"/>, applying the privacy policy of each
/// classification and the run-time value checks. Generated code calls it; each method takes the index of the
/// property in the event definition. For generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct EventPropertyWriter
{
    private readonly EventRecord _record;
    private readonly PropertyPolicy _policy;

    internal EventPropertyWriter(EventRecord record, PropertyPolicy policy)
    {
        _record = record;
        _policy = policy;
    }

    /// <summary>
    /// Writes a not-personal string; null writes nothing. A value outside the property's declared shape, or in which the
    /// registered text scrubber finds personal data, is sent as <see cref="TelemetryLimits.WithheldValue"/> and marked;
    /// a value without a declared shape is truncated and marked when too long.
    /// </summary>
    /// <param name="index">The property index.</param>
    /// <param name="value">The value.</param>
    public readonly void WriteString(int index, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (!_record.Definition.PropertyArray[index].FitsShape(value))
        {
            Withhold(index, ValueIssue.OutsideShape);
        }
        else if (_policy.Detector.WouldChange(value))
        {
            Withhold(index, ValueIssue.LooksPersonal);
        }
        else
        {
            AddText(index, value);
        }
    }

    /// <summary>Writes the pseudonym of an identifier; null writes nothing.</summary>
    /// <param name="index">The property index.</param>
    /// <param name="value">The identifier.</param>
    public readonly void WritePseudonymized(int index, string? value)
    {
        if (value is not null)
        {
            _record.Add(EventProperty.FromText(Name(index), _policy.Pseudonymizer.Pseudonymize(value)));
        }
    }

    /// <summary>Writes the pseudonym of a Guid identifier (the same as for its 36-character string form).</summary>
    /// <param name="index">The property index.</param>
    /// <param name="value">The identifier.</param>
    public readonly void WritePseudonymized(int index, Guid value)
        => _record.Add(EventProperty.FromText(Name(index), _policy.Pseudonymizer.Pseudonymize(value)));

    /// <summary>Writes free text after the text scrubber; null writes nothing.</summary>
    /// <param name="index">The property index.</param>
    /// <param name="value">The text.</param>
    public readonly void WriteFreeText(int index, string? value)
    {
        if (value is not null)
        {
            AddText(index, _policy.Scrubber.Scrub(value));
        }
    }

    /// <summary>Writes a bool as <c>true</c> or <c>false</c>.</summary>
    /// <param name="index">The property index.</param>
    /// <param name="value">The value.</param>
    public readonly void WriteBoolean(int index, bool value)
        => _record.Add(EventProperty.FromText(Name(index), value ? "true" : "false"));

    /// <summary>Writes a signed integer (or an unsigned one up to <see cref="uint"/>) exactly.</summary>
    /// <param name="index">The property index.</param>
    /// <param name="value">The value.</param>
    public readonly void WriteNumber(int index, long value) => _record.Add(EventProperty.FromNumber(Name(index), value));

    /// <summary>Writes an unsigned integer exactly.</summary>
    /// <param name="index">The property index.</param>
    /// <param name="value">The value.</param>
    public readonly void WriteNumber(int index, ulong value) => _record.Add(EventProperty.FromNumber(Name(index), value));

    /// <summary>Writes a float in its shortest round-trip form; NaN and infinities are dropped and marked.</summary>
    /// <param name="index">The property index.</param>
    /// <param name="value">The value.</param>
    public readonly void WriteNumber(int index, float value)
    {
        if (float.IsFinite(value))
        {
            _record.Add(EventProperty.FromNumber(Name(index), value));
        }
        else
        {
            Warn(index, ValueIssue.NotFinite);
        }
    }

    /// <summary>Writes a double in its shortest round-trip form; NaN and infinities are dropped and marked.</summary>
    /// <param name="index">The property index.</param>
    /// <param name="value">The value.</param>
    public readonly void WriteNumber(int index, double value)
    {
        if (double.IsFinite(value))
        {
            _record.Add(EventProperty.FromNumber(Name(index), value));
        }
        else
        {
            Warn(index, ValueIssue.NotFinite);
        }
    }

    /// <summary>Writes a decimal with its digits as they are, without an exponent.</summary>
    /// <param name="index">The property index.</param>
    /// <param name="value">The value.</param>
    public readonly void WriteNumber(int index, decimal value) => _record.Add(EventProperty.FromNumber(Name(index), value));

    /// <summary>Writes an enum by its snake_case name; an undefined value is sent as its number and marked.</summary>
    /// <param name="index">The property index.</param>
    /// <param name="name">The snake_case member name, or null when the value has no named member.</param>
    /// <param name="value">The numeric value.</param>
    public readonly void WriteEnum(int index, string? name, long value)
    {
        if (name is null)
        {
            Warn(index, ValueIssue.UndefinedEnum);
            name = value.ToString(CultureInfo.InvariantCulture);
        }

        _record.Add(EventProperty.FromText(Name(index), name));
    }

    /// <summary>Writes a not-personal Guid.</summary>
    /// <param name="index">The property index.</param>
    /// <param name="value">The value.</param>
    public readonly void WriteGuid(int index, Guid value) => _record.Add(EventProperty.FromGuid(Name(index), value));

    /// <summary>Writes a point in time.</summary>
    /// <param name="index">The property index.</param>
    /// <param name="value">The value.</param>
    public readonly void WriteTimestamp(int index, DateTimeOffset value) => _record.Add(EventProperty.FromTimestamp(Name(index), value));

    /// <summary>Writes a duration as a number of milliseconds.</summary>
    /// <param name="index">The property index.</param>
    /// <param name="value">The value.</param>
    public readonly void WriteDuration(int index, TimeSpan value) => _record.Add(EventProperty.FromNumber(Name(index), value.TotalMilliseconds));

    private readonly string Name(int index) => _record.Definition.PropertyArray[index].Name;

    private readonly void AddText(int index, string value)
    {
        if (value.Length > TelemetryLimits.MaxPropertyValueLength)
        {
            Warn(index, ValueIssue.Truncated);

            // Never half a surrogate pair: an emoji across the limit is left out whole.
            var length = TelemetryLimits.MaxPropertyValueLength;
            if (char.IsHighSurrogate(value[length - 1]) && char.IsLowSurrogate(value[length]))
            {
                length--;
            }

            value = value[..length];
        }

        _record.Add(EventProperty.FromText(Name(index), value));
    }

    // The event is still sent: the property holds the placeholder, never the value, and event_warnings says why.
    private readonly void Withhold(int index, ValueIssue issue)
    {
        var name = Mark(index, issue);
        _policy.Health.ValueWithheld(_record.Name, name, issue);
        _record.Add(EventProperty.FromText(name, TelemetryLimits.WithheldValue));
    }

    private readonly void Warn(int index, ValueIssue issue)
    {
        Mark(index, issue);
        _policy.Health.ValueChanged();
    }

    // Strict mode throws instead; otherwise the issue is listed in the event's event_warnings.
    private readonly string Mark(int index, ValueIssue issue)
    {
        var name = Name(index);
        if (_policy.Strict)
        {
            throw new TelemetryValueException(_record.Name, name, issue);
        }

        _record.AddWarning(name, issue);
        return name;
    }
}
