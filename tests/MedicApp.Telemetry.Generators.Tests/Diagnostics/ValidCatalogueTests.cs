using System.Linq;
using MedicApp.Telemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MedicApp.Telemetry.Generators.Tests.Diagnostics;

/// <summary>A valid catalogue compiles cleanly: no MEDTEL diagnostic, and the generated code has no compiler error or warning.</summary>
public sealed class ValidCatalogueTests
{
    [Fact]
    public void Generator_RepresentativeCatalogue_ReportsNoDiagnostic()
    {
        var run = GeneratorHarness.Run(RepresentativeCatalogue.Source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Null(run.Result.Exception);
    }

    [Fact]
    public void OutputCompilation_RepresentativeCatalogue_HasNoErrorOrWarning()
    {
        var run = GeneratorHarness.Run(RepresentativeCatalogue.Source);

        var problems = run.OutputDiagnostics.Where(static d => d.Severity >= DiagnosticSeverity.Warning).Select(static d => d.ToString());
        Assert.Empty(problems);
    }

    [Fact]
    public void Generator_RepresentativeCatalogue_EmitsOneFileNamedAfterTheCatalogueClass()
    {
        var run = GeneratorHarness.Run(RepresentativeCatalogue.Source);

        var source = Assert.Single(run.GeneratedSources);
        Assert.Equal("Clinic.Telemetry.ClinicTracker.g.cs", source.HintName);
    }

    [Fact]
    public void Generator_CatalogueInTheGlobalNamespace_CompilesWithoutError()
    {
        const string Source = """
            using MedicApp.Telemetry;

            public partial class GlobalTracker
            {
                [TelemetryEvent("thing_happened", Area = "GLB-1", Description = "Something happened.")]
                public partial void ThingHappened([NotPersonal] int count);
            }
            """;

        var run = GeneratorHarness.Run(Source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.OutputErrors);
        Assert.Equal("GlobalTracker.g.cs", Assert.Single(run.GeneratedSources).HintName);
    }

    [Theory]
    [InlineData("checkout")]
    [InlineData("Patient journey")]
    [InlineData("équipe/paiement")]
    public void Generator_FreeFormAreaWithoutAnAreaPattern_ReportsNoDiagnosticAndSendsTheAreaAsWritten(string area)
    {
        const string Declared = "Area = \"APT-3\"";
        Assert.Contains(Declared, RepresentativeCatalogue.Source, System.StringComparison.Ordinal);
        Assert.Contains(RepresentativeCatalogue.AreaPattern, RepresentativeCatalogue.Source, System.StringComparison.Ordinal);
        var source = RepresentativeCatalogue.Source
            .Replace(RepresentativeCatalogue.AreaPattern, string.Empty, System.StringComparison.Ordinal)
            .Replace(Declared, "Area = \"" + area + "\"", System.StringComparison.Ordinal);

        var run = GeneratorHarness.Run(source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.OutputErrors);
        Assert.Contains("    \"" + area + "\",", run.SingleGeneratedText, System.StringComparison.Ordinal);
    }
}
