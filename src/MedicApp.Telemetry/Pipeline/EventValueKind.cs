namespace MedicApp.Telemetry;

/// <summary>How an <see cref="EventProperty"/> stores its value until a sink formats it.</summary>
public enum EventValueKind
{
    /// <summary>A string: text, a pseudonym, a bool or an enum name.</summary>
    Text,

    /// <summary>A number, sent in the invariant culture as it was tracked: integers exactly, floats and doubles in their shortest round-trip form.</summary>
    Number,

    /// <summary>A Guid, sent in its 36-character form.</summary>
    Guid,

    /// <summary>A point in time, sent as ISO 8601 in UTC.</summary>
    Timestamp,
}
