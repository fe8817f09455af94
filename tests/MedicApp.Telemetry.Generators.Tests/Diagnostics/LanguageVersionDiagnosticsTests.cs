using System.Linq;
using MedicApp.Telemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MedicApp.Telemetry.Generators.Tests.Diagnostics;

/// <summary>
/// A project whose C# version is too old for the generated code gets MEDTEL0027 at each catalogue class, and no
/// compiler error from code the generator wrote; C# 11 is enough for all of it.
/// </summary>
public sealed class LanguageVersionDiagnosticsTests
{
    // A catalogue and the code that calls it, as a consumer writes them.
    private const string Consumer = """
        using MedicApp.Telemetry;

        namespace Shop
        {
            public sealed partial class ShopTracker
            {
                [TelemetryEvent("order_placed", Area = "checkout", Description = "An order was placed.")]
                public partial void OrderPlaced([NotPersonal] int itemCount, [FreeText] string? note);

                [TelemetryEvent("order_shipped", Area = "shipping", Description = "An order was shipped.")]
                internal partial void OrderShipped([Pseudonymized] string customerId);
            }

            public sealed class Checkout
            {
                private readonly ShopTracker _tracker;

                public Checkout(ShopTracker tracker) => _tracker = tracker;

                public void Place(int items) => _tracker.OrderPlaced(items, note: null);
            }
        }
        """;

    [Theory]
    [InlineData(LanguageVersion.CSharp10, "C# 10.0")]
    [InlineData(LanguageVersion.CSharp9, "C# 9.0")]
    public void LanguageVersionTooOld_BeforeCSharp11_ReportsMedtel0027OnTheCatalogueClassName(LanguageVersion languageVersion, string version)
    {
        var markup = Consumer.Replace("partial class ShopTracker", "partial class {|MEDTEL0027:ShopTracker|}", System.StringComparison.Ordinal);

        DiagnosticAssert.ReportsSingle(languageVersion, markup, "'ShopTracker'", "needs C# 11.0 or later", "compiles with C# " + version[3..], "<LangVersion>11</LangVersion>", "AddCatalogue<ShopTracker>()");
    }

    [Fact]
    public void OutputCompilation_CSharp10_HasOnlyTheMedtelError()
    {
        var run = GeneratorHarness.Run(LanguageVersion.CSharp10, Consumer);

        Assert.Equal(["MEDTEL0027"], run.GeneratorDiagnostics.Select(static d => d.Id));
        Assert.Empty(run.OutputErrors.Select(static d => d.ToString()));
        var stub = Assert.Single(run.GeneratedSources).SourceText.ToString();
        Assert.DoesNotContain("ITelemetryCatalogue", stub, System.StringComparison.Ordinal);
        Assert.Contains("internal partial void OrderShipped(string customerId)", stub, System.StringComparison.Ordinal);
    }

    [Fact]
    public void OutputCompilation_CSharp8_HasNoErrorInGeneratedCode()
    {
        // Before C# 9 the catalogue's own declarations do not compile (CS8400): nothing is generated to repeat that.
        var run = GeneratorHarness.Run(LanguageVersion.CSharp8, Consumer);

        Assert.Equal(["MEDTEL0027"], run.GeneratorDiagnostics.Select(static d => d.Id));
        Assert.Empty(run.GeneratedSources);
        Assert.All(run.OutputErrors, static d => Assert.Equal(GeneratorHarness.CatalogueFilePath, d.Location.GetLineSpan().Path));
    }

    [Fact]
    public void LanguageVersionTooOld_TwoCatalogues_ReportsOnceAtEachClass()
    {
        var second = Consumer
            .Replace("ShopTracker", "StockTracker", System.StringComparison.Ordinal)
            .Replace("\"order_", "\"stock_", System.StringComparison.Ordinal)
            .Replace("Checkout", "Restock", System.StringComparison.Ordinal);

        var run = GeneratorHarness.Run(LanguageVersion.CSharp10, Consumer, second);

        Assert.Equal(
            [(GeneratorHarness.CatalogueFilePath, "ShopTracker"), ("Other1.cs", "StockTracker")],
            run.GeneratorDiagnostics.Select(d => (d.Location.GetLineSpan().Path, TextAt(run, d.Location))).Order());
        Assert.All(run.GeneratorDiagnostics, static d => Assert.Equal("MEDTEL0027", d.Id));
        Assert.Empty(run.OutputErrors.Select(static d => d.ToString()));
    }

    [Fact]
    public void OutputCompilation_CSharp11_RepresentativeCatalogue_HasNoErrorOrWarning()
    {
        var run = GeneratorHarness.Run(LanguageVersion.CSharp11, RepresentativeCatalogue.Source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.OutputDiagnostics.Where(static d => d.Severity >= DiagnosticSeverity.Warning).Select(static d => d.ToString()));
        Assert.Contains("ITelemetryCatalogue", run.SingleGeneratedText, System.StringComparison.Ordinal);
    }

    private static string TextAt(GeneratorRun run, Location location)
        => run.InputCompilation.SyntaxTrees.Single(t => t.FilePath == location.GetLineSpan().Path).GetText().ToString(location.SourceSpan);
}
