using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using MedicApp.Telemetry.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MedicApp.Telemetry.Generators.Tests.Infrastructure;

/// <summary>
/// Compiles catalogue source text against the MedicApp.Telemetry runtime and runs <see cref="EventTrackerGenerator"/>
/// over it, the way the compiler does in a consumer's build.
/// </summary>
internal static class GeneratorHarness
{
    /// <summary>The file path given to the first source of a compilation; diagnostics point into it.</summary>
    public const string CatalogueFilePath = "Catalogue.cs";

    /// <summary>Latest C#, and XML documentation checked, as in the runtime project that builds with its docs.</summary>
    public static CSharpParseOptions ParseOptions { get; } = CSharpParseOptions.Default
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithDocumentationMode(DocumentationMode.Diagnose);

    private static readonly CSharpCompilationOptions s_compilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable);

    // Reading ~200 assemblies is the slow part of a compilation: every test shares the same references.
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    /// <summary>Parses <paramref name="sources"/>; the first is <see cref="CatalogueFilePath"/>, the others <c>Other{n}.cs</c>.</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources) => CreateCompilation(ParseOptions, sources);

    /// <summary>Parses one source file with the parse options of every compilation built here.</summary>
    public static SyntaxTree ParseTree(string text, string path) => ParseTree(text, path, ParseOptions);

    /// <summary>A driver for the generator that records every incremental step, so tests can read how each one ran.</summary>
    public static GeneratorDriver CreateDriver() => CreateDriver(ParseOptions);

    /// <summary>Compiles <paramref name="sources"/> and runs the generator over them once.</summary>
    public static GeneratorRun Run(params string[] sources) => Run(CreateDriver(), CreateCompilation(sources));

    /// <summary>
    /// Compiles <paramref name="sources"/> as a project with <c>&lt;LangVersion&gt;</c> set to
    /// <paramref name="languageVersion"/> would, the generator's output included, and runs the generator over them once.
    /// </summary>
    public static GeneratorRun Run(LanguageVersion languageVersion, params string[] sources)
    {
        var options = ParseOptions.WithLanguageVersion(languageVersion);
        return Run(CreateDriver(options), CreateCompilation(options, sources));
    }

    /// <summary>Runs <paramref name="driver"/> (fresh, or holding the state of an earlier run) over <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        return new GeneratorRun(driver, compilation, output, result, generatorDiagnostics);
    }

    private static CSharpCompilation CreateCompilation(CSharpParseOptions options, string[] sources)
    {
        var trees = sources.Select((text, i) => ParseTree(text, i == 0 ? CatalogueFilePath : $"Other{i}.cs", options));
        return CSharpCompilation.Create("Catalogue.Tests", trees, s_references.Value, s_compilationOptions);
    }

    private static SyntaxTree ParseTree(string text, string path, CSharpParseOptions options) => CSharpSyntaxTree.ParseText(text, options, path);

    // The compiler gives the generator the project's parse options, which the generated files are parsed with too.
    private static CSharpGeneratorDriver CreateDriver(CSharpParseOptions options) => CSharpGeneratorDriver.Create(
        new[] { new EventTrackerGenerator().AsSourceGenerator() },
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true),
        parseOptions: options);

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var paths = new SortedSet<string>(platform, StringComparer.Ordinal)
        {
            typeof(EventPipeline).Assembly.Location,
        };

        return [.. paths.Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }
}
