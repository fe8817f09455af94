using System;
using System.Diagnostics.CodeAnalysis;

namespace MedicApp.Telemetry;

/// <summary>
/// Marks a property that holds no personal data: it is sent as is. A <see cref="string"/> property also declares the
/// shape of its values, checked at run time before anything is sent: <see cref="AllowedValues"/>, a
/// <see cref="Pattern"/>, or a <see cref="MaxLength"/> with its <see cref="Reason"/>. An enum needs none: its members
/// are its allowed values. A string without a shape is reported by the generator (MEDTEL0028).
/// </summary>
/// <remarks>
/// At run time a not-personal string that does not fit its shape, or that the registered <see cref="ITextScrubber"/>
/// would change (an email, a phone number…), is withheld: sent as <c>[withheld]</c>, named in the event's
/// <c>event_warnings</c> and counted in <see cref="TelemetryStatistics.ValuesWithheld"/>; in strict mode tracking throws.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class NotPersonalAttribute : DataClassificationAttribute
{
    /// <summary>Classifies the property as <see cref="DataClassification.NotPersonal"/>.</summary>
    /// <param name="description">What the property means, for the generated docs.</param>
    public NotPersonalAttribute(string? description = null)
        : base(description)
    {
    }

    /// <inheritdoc/>
    public override DataClassification Classification => DataClassification.NotPersonal;

    /// <summary>
    /// Gets or sets the only values a string property may take, compared ordinally (for example
    /// <c>AllowedValues = new[] { "fr-FR", "en-GB" }</c>). Any other value is withheld.
    /// </summary>
    [SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "An attribute argument can only be an array.")]
    public string[]? AllowedValues { get; set; }

    /// <summary>
    /// Gets or sets a .NET regular expression every value of a string property must match as a whole (it is run as
    /// <c>\A(?:pattern)\z</c>, whatever anchors it holds), for example <c>"^clinic-[a-z0-9]+$"</c>. It runs on the
    /// linear-time engine (<c>RegexOptions.NonBacktracking | RegexOptions.CultureInvariant</c>): no lookaround,
    /// backreference, atomic group or conditional; the generator checks it at compile time (MEDTEL0029). A value that
    /// does not match is withheld.
    /// </summary>
    [StringSyntax(StringSyntaxAttribute.Regex)]
    public string? Pattern { get; set; }

    /// <summary>
    /// Gets or sets the longest value a string property may take, for text that has no closed list nor pattern; it needs
    /// a <see cref="Reason"/>. A longer value is withheld, not cut. 0 (the default) declares no maximum length.
    /// </summary>
    public int MaxLength { get; set; }

    /// <summary>Gets or sets why a value up to <see cref="MaxLength"/> characters holds nothing personal (shown in the docs).</summary>
    public string? Reason { get; set; }
}
