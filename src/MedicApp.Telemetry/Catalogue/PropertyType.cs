namespace MedicApp.Telemetry;

/// <summary>
/// The kind of value an event property holds, which decides how it is written. Application Insights 3.x sends every
/// property of a custom event as a string in <c>customDimensions</c> (it has no <c>customMeasurements</c> for
/// events), so numbers are written in the invariant culture and read in KQL with <c>toint()</c> or <c>todouble()</c>.
/// </summary>
public enum PropertyType
{
    /// <summary>A string, sent as is (after its privacy policy).</summary>
    String,

    /// <summary>A bool, sent as <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>An integer, sent exactly in the invariant culture (<c>18446744073709551615</c> for ulong.MaxValue).</summary>
    Integer,

    /// <summary>
    /// A floating-point or decimal number, sent in the invariant culture: a float or double in its own shortest
    /// round-trip form (<c>0.1</c> for 0.1f), a decimal with its digits and no exponent. NaN and infinities are dropped.
    /// </summary>
    FloatingPoint,

    /// <summary>An enum, sent as the snake_case name of its member.</summary>
    Enum,

    /// <summary>A Guid, sent in its 36-character form (or as a pseudonym).</summary>
    Guid,

    /// <summary>A point in time, sent as ISO 8601 in UTC.</summary>
    DateTimeOffset,

    /// <summary>A duration, sent as a number of milliseconds; its key ends in <c>_ms</c>.</summary>
    TimeSpan,
}
