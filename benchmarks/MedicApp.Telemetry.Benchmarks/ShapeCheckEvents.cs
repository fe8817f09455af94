using MedicApp.Telemetry.Events;

namespace MedicApp.Telemetry.Benchmarks;

/// <summary>
/// One event per kind of not-personal value, each with a single property, so that <see cref="NotPersonalShapeBenchmarks"/>
/// compares the checks alone: an enum (nothing to check but its members), then a string declared with each shape.
/// </summary>
public sealed partial class ShapeCheckEvents
{
    // The clinic reference of the MedicApp catalogue.
    private const string ClinicReference = "^clinic-([a-z]{1,32}-)?[0-9]{1,6}$";

    /// <summary>Tracks <c>shape_enum_checked</c>: an enum, the baseline.</summary>
    /// <param name="channel">The channel.</param>
    [TelemetryEvent("shape_enum_checked", Area = "BEN-1", Description = "An enum value.")]
    public partial void EnumChecked([NotPersonal("The channel.")] ClientChannel channel);

    /// <summary>Tracks <c>shape_allowed_values_checked</c>: a string from a closed list.</summary>
    /// <param name="locale">The locale.</param>
    [TelemetryEvent("shape_allowed_values_checked", Area = "BEN-1", Description = "A string from a closed list.")]
    public partial void AllowedValuesChecked(
        [NotPersonal("The locale.", AllowedValues = new[] { "fr-FR", "fr-BE", "fr-CH", "fr-LU", "fr-MC", "en-GB", "en-US", "de-DE", "es-ES", "it-IT", "pt-PT" })]
        string locale);

    /// <summary>Tracks <c>shape_pattern_checked</c>: a string that matches a pattern.</summary>
    /// <param name="clinicId">The clinic's reference.</param>
    [TelemetryEvent("shape_pattern_checked", Area = "BEN-1", Description = "A string that matches a pattern.")]
    public partial void PatternChecked([NotPersonal("The clinic's reference.", Pattern = ClinicReference)] string clinicId);

    /// <summary>Tracks <c>shape_max_length_checked</c>: a string of bounded length.</summary>
    /// <param name="campaign">The campaign code.</param>
    [TelemetryEvent("shape_max_length_checked", Area = "BEN-1", Description = "A string of bounded length.")]
    public partial void MaxLengthChecked([NotPersonal("The campaign code.", MaxLength = 64, Reason = "A campaign code chosen by the marketing team.")] string campaign);
}
