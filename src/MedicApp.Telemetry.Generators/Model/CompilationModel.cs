namespace MedicApp.Telemetry.Generators.Model;

/// <summary>Everything the generator learned from one compilation: the catalogues to emit and the diagnostics to report.</summary>
internal sealed record CompilationModel(
    ImmutableEquatableArray<CatalogueModel> Catalogues,
    ImmutableEquatableArray<DiagnosticInfo> Diagnostics);
