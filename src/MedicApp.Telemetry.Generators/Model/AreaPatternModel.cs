namespace MedicApp.Telemetry.Generators.Model;

/// <summary>The area convention an assembly declares with <c>[assembly: TelemetryAreaPattern]</c>.</summary>
/// <param name="Pattern">The regular expression a whole area must match.</param>
/// <param name="Example">An area that matches, quoted by the diagnostic of one that does not; empty when none is given.</param>
/// <param name="Error">Why the pattern cannot be used (MEDTEL0026); areas are then held to the default rules only.</param>
internal sealed record AreaPatternModel(string Pattern, string Example, DiagnosticInfo? Error);
