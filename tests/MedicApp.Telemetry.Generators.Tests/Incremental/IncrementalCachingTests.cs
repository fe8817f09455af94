using System.Collections.Generic;
using System.Linq;
using MedicApp.Telemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace MedicApp.Telemetry.Generators.Tests.Incremental;

/// <summary>
/// An edit that does not touch an event declaration must leave every step of the generator cached: in an IDE the
/// generator runs on each keystroke, and an uncached step re-emits the whole catalogue.
/// </summary>
public sealed class IncrementalCachingTests
{
    private static readonly string[] s_steps =
    [
        TrackingNames.Events,
        TrackingNames.AreaPattern,
        TrackingNames.LanguageVersion,
        TrackingNames.CompilationModel,
        TrackingNames.Diagnostics,
        TrackingNames.Catalogues,
    ];

    [Fact]
    public void Generator_UnrelatedFileAdded_EveryStepIsCachedOrUnchanged()
    {
        var compilation = GeneratorHarness.CreateCompilation(RepresentativeCatalogue.Source);
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation);

        var edited = compilation.AddSyntaxTrees(GeneratorHarness.ParseTree("namespace Clinic; internal static class Unrelated { }", "Unrelated.cs"));
        var second = GeneratorHarness.Run(first.Driver, edited);

        AssertAllCachedOrUnchanged(second.Result);
    }

    [Fact]
    public void Generator_UnrelatedFileEdited_EveryStepIsCachedOrUnchanged()
    {
        var compilation = GeneratorHarness.CreateCompilation(RepresentativeCatalogue.Source, "namespace Clinic; internal static class Unrelated { }");
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation);

        var other = compilation.SyntaxTrees.Single(static t => t.FilePath == "Other1.cs");
        var changed = other.WithChangedText(SourceText.From("namespace Clinic; internal static class Unrelated { public const int Answer = 42; }"));
        var second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(other, changed));

        AssertAllCachedOrUnchanged(second.Result);
    }

    [Fact]
    public void Generator_CatalogueReparsedWithoutChange_EventsAreUnchangedAndLaterStepsCached()
    {
        // The catalogue file gets a new tree (a trailing comment, so no declaration moves): the parser runs again
        // and must produce a model equal to the first one, which only value equality gives.
        var compilation = GeneratorHarness.CreateCompilation(RepresentativeCatalogue.Source);
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation);

        var catalogue = compilation.SyntaxTrees.Single();
        var changed = catalogue.WithChangedText(SourceText.From(RepresentativeCatalogue.Source + "\n// reviewed\n"));
        var second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(catalogue, changed));

        var events = Outputs(second.Result, TrackingNames.Events);
        Assert.Equal(3, events.Count);
        Assert.All(events, static output => Assert.Equal(IncrementalStepRunReason.Unchanged, output.Reason));
        AssertAllCachedOrUnchanged(second.Result);
    }

    [Fact]
    public void Generator_LineInsertedAboveTheEvents_EmissionIsCached()
    {
        // Every declaration moves down a line: the parser runs again and its locations change, but only diagnostics
        // hold locations, so the model the emitter reads is equal and the source output is not run again.
        var compilation = GeneratorHarness.CreateCompilation(RepresentativeCatalogue.Source);
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation);

        var catalogue = compilation.SyntaxTrees.Single();
        const string ClassStart = "public sealed partial class ClinicTracker\n{\n";
        Assert.Contains(ClassStart, RepresentativeCatalogue.Source, System.StringComparison.Ordinal);
        var edited = RepresentativeCatalogue.Source.Replace(ClassStart, ClassStart + "    // Reviewed with the data protection officer.\n", System.StringComparison.Ordinal);
        var second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(catalogue, catalogue.WithChangedText(SourceText.From(edited))));

        Assert.All(Outputs(second.Result, TrackingNames.Events), static o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        AssertAllCachedOrUnchanged(second.Result, s_steps.Where(static s => s != TrackingNames.Events));
    }

    [Fact]
    public void Generator_EventDescriptionEdited_EventsAndCataloguesAreModified()
    {
        var compilation = GeneratorHarness.CreateCompilation(RepresentativeCatalogue.Source);
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation);

        var catalogue = compilation.SyntaxTrees.Single();
        var edited = RepresentativeCatalogue.Source.Replace("A patient cancelled a visit.", "A patient cancelled a visit online.", System.StringComparison.Ordinal);
        var second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(catalogue, catalogue.WithChangedText(SourceText.From(edited))));

        Assert.Contains(Outputs(second.Result, TrackingNames.Events), static o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains(Outputs(second.Result, TrackingNames.Catalogues), static o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("A patient cancelled a visit online.", second.SingleGeneratedText, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_AreaPatternEditedInItsOwnFile_EventsAreUnchangedAndTheRejectedEventIsNoLongerEmitted()
    {
        // The pattern is read from its own file, not by the parser of each event: changing it must re-check the areas of
        // events whose files did not change.
        var catalogue = RepresentativeCatalogue.Source.Replace(RepresentativeCatalogue.AreaPattern, string.Empty, System.StringComparison.Ordinal);
        const string PatternFile = "using MedicApp.Telemetry;\n" + RepresentativeCatalogue.AreaPattern + "\n";
        var compilation = GeneratorHarness.CreateCompilation(catalogue, PatternFile);
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(), compilation);
        Assert.Empty(first.GeneratorDiagnostics);

        var patternTree = compilation.SyntaxTrees.Single(static t => t.FilePath == "Other1.cs");
        var narrowed = PatternFile.Replace("[0-9]", "[0-2]", System.StringComparison.Ordinal);
        var second = GeneratorHarness.Run(first.Driver, compilation.ReplaceSyntaxTree(patternTree, patternTree.WithChangedText(SourceText.From(narrowed))));

        Assert.All(Outputs(second.Result, TrackingNames.Events), static o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(second.Result, TrackingNames.AreaPattern)).Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(second.Result, TrackingNames.Catalogues)).Reason);
        var diagnostic = Assert.Single(second.GeneratorDiagnostics);
        Assert.Equal("MEDTEL0015", diagnostic.Id);
        Assert.Contains("'vitals_recorded' has area 'APT-3'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.DoesNotContain("struct VitalsRecordedEvent", second.SingleGeneratedText, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_LanguageVersionRaisedTo11_TheTrackerReplacesTheStubs()
    {
        var first = GeneratorHarness.Run(LanguageVersion.CSharp10, RepresentativeCatalogue.Source);
        Assert.Equal("MEDTEL0027", Assert.Single(first.GeneratorDiagnostics).Id);

        var options = GeneratorHarness.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp11);
        var tree = first.InputCompilation.SyntaxTrees.Single();
        var raised = first.InputCompilation.ReplaceSyntaxTree(tree, tree.WithRootAndOptions(tree.GetRoot(), options));
        var second = GeneratorHarness.Run(first.Driver.WithUpdatedParseOptions(options), raised);

        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(second.Result, TrackingNames.LanguageVersion)).Reason);
        Assert.Empty(second.GeneratorDiagnostics);
        Assert.Empty(second.OutputErrors.Select(static d => d.ToString()));
        Assert.Contains("ITelemetryCatalogue", second.SingleGeneratedText, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Models_TwoCompilationsOfTheSameSource_AreEqualStepByStep()
    {
        var first = GeneratorHarness.Run(RepresentativeCatalogue.Source);
        var second = GeneratorHarness.Run(RepresentativeCatalogue.Source);

        Assert.NotSame(first.InputCompilation, second.InputCompilation);
        foreach (var step in s_steps)
        {
            var left = Outputs(first.Result, step).Select(static o => o.Value).ToList();
            var right = Outputs(second.Result, step).Select(static o => o.Value).ToList();
            Assert.NotEmpty(left);
            Assert.Equal(left, right);
            Assert.Equal(left.Select(static v => v.GetHashCode()), right.Select(static v => v.GetHashCode()));
        }
    }

    [Fact]
    public void Models_EveryStepOutput_HoldsNoSymbolSyntaxOrCompilation()
    {
        var run = GeneratorHarness.Run(RepresentativeCatalogue.Source + "\npublic partial class Broken { [MedicApp.Telemetry.TelemetryEvent(\"Bad\")] public partial void Bad(string note); }");
        Assert.NotEmpty(run.GeneratorDiagnostics);

        foreach (var step in s_steps)
        {
            foreach (var output in Outputs(run.Result, step))
            {
                Assert.Empty(ModelGraph.ForbiddenMembers(output.Value, step));
            }
        }
    }

    private static void AssertAllCachedOrUnchanged(GeneratorRunResult result) => AssertAllCachedOrUnchanged(result, s_steps);

    private static void AssertAllCachedOrUnchanged(GeneratorRunResult result, IEnumerable<string> steps)
    {
        foreach (var step in steps)
        {
            var outputs = Outputs(result, step);
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step '{step}' output was {output.Reason}: {output.Value}"));
        }

        var sourceOutputs = result.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static s => s.Outputs).ToList();
        Assert.NotEmpty(sourceOutputs);
        Assert.All(sourceOutputs, static output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    private static List<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step)
    {
        Assert.True(result.TrackedSteps.TryGetValue(step, out var runs), $"No tracked step named '{step}'.");
        return [.. runs.SelectMany(static r => r.Outputs)];
    }
}
