using System.Linq;
using MedicApp.Telemetry.Generators.Tests.Infrastructure;
using Xunit;

namespace MedicApp.Telemetry.Generators.Tests.Diagnostics;

/// <summary>
/// The area convention an assembly declares with [assembly: TelemetryAreaPattern]: a pattern that cannot be used
/// (MEDTEL0026), and an area that does not match it (MEDTEL0015), each with its id, location and message.
/// </summary>
public sealed class AreaPatternDiagnosticsTests
{
    private const string Catalogue = """
        using MedicApp.Telemetry;

        PATTERN

        namespace Shop;

        public partial class ShopTracker
        {
            EVENT
            public partial void OrderPlaced([NotPersonal] int itemCount);
        }
        """;

    private const string ValidEvent = """[TelemetryEvent("order_placed", Area = "LOG-11", Description = "An order was placed.")]""";

    [Theory]
    [InlineData("""TelemetryAreaPattern("^LOG-[0-9")""", "'^LOG-[0-9'", "not a valid .NET regular expression")]
    [InlineData("""TelemetryAreaPattern("(?<team>LOG)-\\k<lot>")""", "not a valid .NET regular expression")]
    [InlineData("""TelemetryAreaPattern("")""", "''", "it is empty")]
    [InlineData("""TelemetryAreaPattern("^LOG-[0-9]{2}$", Example = "LOG-1")""", "'^LOG-[0-9]{2}$'", "its Example 'LOG-1' does not match it")]
    public void InvalidAreaPattern_UnusablePattern_ReportsMedtel0026OnTheAttributeAndChecksAreasByTheDefaultRules(string attribute, params string[] messageParts)
    {
        var markup = Catalogue
            .Replace("PATTERN", "[assembly: {|MEDTEL0026:" + attribute + "|}]", System.StringComparison.Ordinal)
            .Replace("EVENT", ValidEvent, System.StringComparison.Ordinal);

        DiagnosticAssert.ReportsSingle(markup, messageParts);
    }

    [Theory]
    [InlineData("""TelemetryAreaPattern("^LOG-[0-9]{2}$", Example = "LOG-11")""", "checkout", "'^LOG-[0-9]{2}$' of [assembly: TelemetryAreaPattern], such as 'LOG-11'")]
    [InlineData("""TelemetryAreaPattern("^LOG-[0-9]{2}$")""", "LOG-1", "'^LOG-[0-9]{2}$' of [assembly: TelemetryAreaPattern]")]
    [InlineData("""TelemetryAreaPattern("LOG-[0-9]{2}")""", "LOG-110", "'LOG-[0-9]{2}' of [assembly: TelemetryAreaPattern]")]
    [InlineData("""TelemetryAreaPattern("LOG-[0-9]{2}")""", "XLOG-11", "'LOG-[0-9]{2}' of [assembly: TelemetryAreaPattern]")]
    public void InvalidArea_OutsideTheAssemblysPattern_ReportsMedtel0015OnTheEventAttribute(string attribute, string area, string reason)
    {
        var markup = Catalogue
            .Replace("PATTERN", "[assembly: " + attribute + "]", System.StringComparison.Ordinal)
            .Replace("EVENT", "[{|MEDTEL0015:" + ValidEvent[1..^1].Replace("LOG-11", area, System.StringComparison.Ordinal) + "|}]", System.StringComparison.Ordinal);

        DiagnosticAssert.ReportsSingle(markup, "'order_placed'", "area '" + area + "'", reason);
    }

    [Fact]
    public void InvalidArea_EmptyWithAPattern_IsReportedOnceByTheDefaultRules()
    {
        var markup = Catalogue
            .Replace("PATTERN", """[assembly: TelemetryAreaPattern("^LOG-[0-9]{2}$")]""", System.StringComparison.Ordinal)
            .Replace("EVENT", "[{|MEDTEL0015:" + ValidEvent[1..^1].Replace("LOG-11", string.Empty, System.StringComparison.Ordinal) + "|}]", System.StringComparison.Ordinal);

        var diagnostic = DiagnosticAssert.ReportsSingle(markup, "an area is required");

        Assert.DoesNotContain("TelemetryAreaPattern", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("^LOG-[0-9]{2}$", "LOG-11")]
    [InlineData("LOG-[0-9]{2}", "LOG-16")]
    [InlineData("^(checkout|payment)$", "payment")]
    public void Generator_AreaMatchingTheAssemblysPattern_ReportsNothingAndCompiles(string pattern, string area)
    {
        var source = Catalogue
            .Replace("PATTERN", "[assembly: TelemetryAreaPattern(@\"" + pattern + "\")]", System.StringComparison.Ordinal)
            .Replace("EVENT", ValidEvent.Replace("LOG-11", area, System.StringComparison.Ordinal), System.StringComparison.Ordinal);

        var run = GeneratorHarness.Run(source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.OutputErrors);
        Assert.Contains("struct OrderPlacedEvent", run.SingleGeneratedText, System.StringComparison.Ordinal);
    }

    [Fact]
    public void OutputCompilation_AreaOutsideThePattern_HasOnlyTheMedtelDiagnostic()
    {
        var source = Catalogue
            .Replace("PATTERN", """[assembly: TelemetryAreaPattern("^LOG-[0-9]{2}$")]""", System.StringComparison.Ordinal)
            .Replace("EVENT", ValidEvent.Replace("LOG-11", "checkout", System.StringComparison.Ordinal), System.StringComparison.Ordinal);

        var run = GeneratorHarness.Run(source);

        Assert.Equal(["MEDTEL0015"], run.GeneratorDiagnostics.Select(static d => d.Id));
        Assert.Empty(run.OutputErrors.Select(static d => d.ToString()));
        Assert.DoesNotContain("struct OrderPlacedEvent", run.SingleGeneratedText, System.StringComparison.Ordinal);
    }
}
