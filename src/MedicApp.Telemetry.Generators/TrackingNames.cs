namespace MedicApp.Telemetry.Generators;

/// <summary>Names of the incremental steps, so tests can check which ones were cached.</summary>
internal static class TrackingNames
{
    public const string Events = nameof(Events);
    public const string AreaPattern = nameof(AreaPattern);
    public const string LanguageVersion = nameof(LanguageVersion);
    // Not "Compilation": Roslyn tracks its own compilation input under that name.
    public const string CompilationModel = nameof(CompilationModel);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Catalogues = nameof(Catalogues);
}
