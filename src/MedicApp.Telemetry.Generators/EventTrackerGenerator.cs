using System.Linq;
using MedicApp.Telemetry.Generators.Emission;
using MedicApp.Telemetry.Generators.Model;
using MedicApp.Telemetry.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MedicApp.Telemetry.Generators;

/// <summary>
/// Compiles every method marked <c>[TelemetryEvent]</c> into a typed tracker method, a no-reflection property writer
/// and the run-time catalogue metadata, and reports the MEDTEL diagnostics of the declarations.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class EventTrackerGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var events = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.TelemetryEventAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                EventParser.Parse)
            .WithTrackingName(TrackingNames.Events);

        // At most one (AllowMultiple = false); read from the syntax of [assembly:] lists, so an edit elsewhere leaves it cached.
        var areaPattern = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.TelemetryAreaPatternAttribute,
                static (node, _) => node is CompilationUnitSyntax,
                AreaPatternParser.Parse)
            .Collect()
            .Select(static (patterns, _) => patterns.FirstOrDefault())
            .WithTrackingName(TrackingNames.AreaPattern);

        // From the parse options, not the compilation: they change only when the project's settings do.
        var languageVersion = context.ParseOptionsProvider
            .Select(static (options, _) => LanguageVersionRule.Read(options))
            .WithTrackingName(TrackingNames.LanguageVersion);

        var model = events
            .Collect()
            .Combine(areaPattern)
            .Combine(languageVersion)
            .Select(static (input, _) => CatalogueBuilder.Build(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.CompilationModel);

        var diagnostics = model
            .Select(static (m, _) => m.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, list) =>
        {
            foreach (var diagnostic in list)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        });

        var catalogues = model
            .SelectMany(static (m, _) => m.Catalogues.ToArray())
            .WithTrackingName(TrackingNames.Catalogues);
        context.RegisterSourceOutput(catalogues, static (spc, catalogue) =>
            spc.AddSource(TrackerEmitter.HintName(catalogue), TrackerEmitter.Emit(catalogue)));

        var stubs = events
            .Where(static r => r.Stub is not null)
            .Select(static (r, _) => r.Stub!);
        context.RegisterSourceOutput(stubs, AddStub);

        var catalogueStubs = model.SelectMany(static (m, _) => m.CatalogueStubs.ToArray());
        context.RegisterSourceOutput(catalogueStubs, AddStub);
    }

    private static void AddStub(SourceProductionContext context, StubModel stub) => context.AddSource(stub.HintName, StubEmitter.Emit(stub));
}
