using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MedicApp.Telemetry.Generators.Tests.Infrastructure;

/// <summary>What one run of the generator produced.</summary>
/// <param name="Driver">The driver after the run: run it again to test incremental caching.</param>
/// <param name="InputCompilation">The compilation the generator read.</param>
/// <param name="OutputCompilation">The input compilation plus the generated sources.</param>
/// <param name="Result">The generator's result, with its tracked incremental steps.</param>
/// <param name="GeneratorDiagnostics">The diagnostics the generator reported (the MEDTEL ones).</param>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    Compilation InputCompilation,
    Compilation OutputCompilation,
    GeneratorRunResult Result,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>Gets the generated files, by hint name.</summary>
    public ImmutableArray<GeneratedSourceResult> GeneratedSources => Result.GeneratedSources;

    /// <summary>Gets the text of the only generated file.</summary>
    public string SingleGeneratedText => GeneratedSources.Single().SourceText.ToString();

    /// <summary>Gets the diagnostics of the output compilation: the compiler's view of source plus generated code.</summary>
    public ImmutableArray<Diagnostic> OutputDiagnostics => OutputCompilation.GetDiagnostics();

    /// <summary>Gets the compiler errors of the output compilation.</summary>
    public ImmutableArray<Diagnostic> OutputErrors => [.. OutputDiagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error)];
}
