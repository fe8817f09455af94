namespace MedicApp.Telemetry.Generators.Model;

/// <summary>
/// Everything the generator learned from one compilation: the catalogues to emit, the diagnostics to report, and the
/// stubs to write instead of the catalogues when the C# version is too old for their code.
/// </summary>
internal sealed record CompilationModel(
    ImmutableEquatableArray<CatalogueModel> Catalogues,
    ImmutableEquatableArray<DiagnosticInfo> Diagnostics,
    ImmutableEquatableArray<StubModel> CatalogueStubs);
