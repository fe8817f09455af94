namespace MedicApp.Telemetry.Generators.Model;

/// <summary>The shape a <c>[NotPersonal]</c> string declares: exactly one of its members is set.</summary>
/// <param name="AllowedValues">The only values it can take; empty when it declares another shape.</param>
/// <param name="Pattern">The regular expression the whole value matches, or null.</param>
/// <param name="MaxLength">The longest value, or 0.</param>
/// <param name="Reason">Why <paramref name="MaxLength"/> is the only shape, or null.</param>
internal sealed record StringShapeModel(
    ImmutableEquatableArray<string> AllowedValues,
    string? Pattern,
    int MaxLength,
    string? Reason);
