using System;
using System.Diagnostics.CodeAnalysis;

namespace MedicApp.Telemetry;

/// <summary>
/// Declares the naming convention of every event area in the assembly: the generator then rejects an area that does
/// not match <see cref="Pattern"/> (MEDTEL0015). Without it, any area is accepted that is a short printable label.
/// </summary>
/// <remarks>
/// The whole area must match, as with <c>[RegularExpression]</c>: <c>LOG-[0-9]{2}</c> and <c>^LOG-[0-9]{2}$</c>
/// accept the same areas. The pattern adds to the rules every area follows (at most
/// <see cref="TelemetryLimits.MaxAreaLength"/> characters, no control characters, no white space around it), it never
/// relaxes them. A pattern that is not a valid .NET regular expression, or an <see cref="Example"/> it does not
/// match, is reported as MEDTEL0026.
/// </remarks>
/// <example>
/// <code>
/// [assembly: TelemetryAreaPattern("^LOG-[0-9]{2}$", Example = "LOG-11")]
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class TelemetryAreaPatternAttribute : Attribute
{
    /// <summary>Declares that every event area of the assembly matches <paramref name="pattern"/>.</summary>
    /// <param name="pattern">The .NET regular expression a whole area must match, such as <c>^LOG-[0-9]{2}$</c>.</param>
    public TelemetryAreaPatternAttribute([StringSyntax(StringSyntaxAttribute.Regex)] string pattern) => Pattern = pattern;

    /// <summary>Gets the regular expression a whole area must match.</summary>
    public string Pattern { get; }

    /// <summary>
    /// Gets or sets an area that matches <see cref="Pattern"/>, such as <c>LOG-11</c>: the diagnostic of an area that
    /// does not match quotes it, so the fix is plain without reading the regular expression.
    /// </summary>
    public string? Example { get; set; }
}
