using System.Linq;
using MedicApp.Telemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MedicApp.Telemetry.Generators.Tests.Emission;

/// <summary>Declarations that are valid C# and valid catalogues must give generated code that compiles cleanly.</summary>
public sealed class EmittedCodeTests
{
    [Theory]
    // Parameters named like what the generated body uses.
    [InlineData("[NotPersonal] int pipeline")]
    [InlineData("[NotPersonal] int _medicAppTelemetryPipeline")]
    [InlineData("[NotPersonal] int definition, [NotPersonal] int writer")]
    [InlineData("[NotPersonal] int orderPlacedEvent, [NotPersonal] int definitionValue2")]
    [InlineData("[NotPersonal] int toString, [NotPersonal] int getType, [NotPersonal] int equals, [NotPersonal] int getHashCode")]
    [InlineData("[NotPersonal] int memberwiseClone, [NotPersonal] int referenceEquals, [NotPersonal] int finalize")]
    [InlineData("[NotPersonal] int s_definition, [NotPersonal] int value")]
    [InlineData("[NotPersonal] Channel channel, [NotPersonal(MaxLength = 8, Reason = \"A test value.\")] string getChannelName, [NotPersonal] Channel? previous, [NotPersonal] int getPreviousName")]
    public void Generator_ParameterNamedLikeGeneratedCode_Compiles(string parameters)
        => AssertCompilesWithoutWarnings($$"""
            using MedicApp.Telemetry;

            namespace Shop;

            public enum Channel { Web, Phone }

            public partial class ShopTracker
            {
                [TelemetryEvent("order_placed", Area = "SHP-1", Description = "An order was placed.")]
                public partial void OrderPlaced({{parameters}});
            }
            """);

    [Fact]
    public void Generator_ParameterNamedLikeAnInheritedMember_GetsAPropertyEndingInValue()
    {
        var run = AssertCompilesWithoutWarnings("""
            using MedicApp.Telemetry;

            namespace Shop;

            public partial class ShopTracker
            {
                [TelemetryEvent("order_placed", Area = "SHP-1", Description = "An order was placed.")]
                public partial void OrderPlaced([NotPersonal] int toString, [NotPersonal] int orderPlacedEvent);
            }
            """);

        Assert.Contains("public int ToStringValue { get; }", run.SingleGeneratedText, System.StringComparison.Ordinal);
        Assert.Contains("public int OrderPlacedEventValue { get; }", run.SingleGeneratedText, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_CatalogueDerivedFromAClassWithAProtectedParameterlessConstructor_Compiles()
        => AssertCompilesWithoutWarnings("""
            using MedicApp.Telemetry;

            namespace Shop;

            public abstract class TrackerBase
            {
                protected TrackerBase(string prefix = "shop") { }
            }

            public partial class ShopTracker : TrackerBase
            {
                [TelemetryEvent("order_placed", Area = "SHP-1", Description = "An order was placed.")]
                public partial void OrderPlaced([NotPersonal] int items);
            }
            """);

    [Fact]
    public void Generator_DescriptionOnSeveralLinesWithXmlCharacters_KeepsValidDocumentation()
    {
        var run = AssertCompilesWithoutWarnings(""""
            using MedicApp.Telemetry;

            namespace Shop;

            public partial class ShopTracker
            {
                [TelemetryEvent("order_placed", Area = "SHP-1", Description = """
                    An order was placed:
                    items < 10 & "gift" wrapping.
                    """)]
                public partial void OrderPlaced([NotPersonal("Items in the order,\nwrapped or not.")] int itemCount);
            }
            """");

        Assert.Contains("An order was placed: items &lt; 10 &amp; \"gift\" wrapping.", run.SingleGeneratedText, System.StringComparison.Ordinal);
        Assert.Contains("Items in the order, wrapped or not.", run.SingleGeneratedText, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_EnumMemberNamedLikeAKeyword_IsEscaped()
    {
        var run = AssertCompilesWithoutWarnings("""
            using MedicApp.Telemetry;

            namespace Shop;

            public enum Seat { @class, @event, Standard }

            public partial class ShopTracker
            {
                [TelemetryEvent("seat_chosen", Area = "SHP-1", Description = "A seat was chosen.")]
                public partial void SeatChosen([NotPersonal] Seat seat);
            }
            """);

        Assert.Contains("global::Shop.Seat.@class => \"class\"", run.SingleGeneratedText, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Generator_InternalEnumOnAPublicCatalogue_KeepsEveryPayloadPrivate()
    {
        var run = AssertCompilesWithoutWarnings("""
            using MedicApp.Telemetry;

            namespace Shop;

            internal enum Tier { Basic, Premium }

            public partial class ShopTracker
            {
                [TelemetryEvent("tier_chosen", Area = "SHP-1", Description = "A tier was chosen.")]
                internal partial void TierChosen([NotPersonal] Tier tier);

                [TelemetryEvent("order_placed", Area = "SHP-1", Description = "An order was placed.")]
                public partial void OrderPlaced([NotPersonal] int items);
            }
            """);

        Assert.Contains("private readonly struct TierChosenEvent", run.SingleGeneratedText, System.StringComparison.Ordinal);
        Assert.Contains("private readonly struct OrderPlacedEvent", run.SingleGeneratedText, System.StringComparison.Ordinal);
    }

    private static GeneratorRun AssertCompilesWithoutWarnings(string source)
    {
        var run = GeneratorHarness.Run(source);

        Assert.Empty(run.GeneratorDiagnostics.Select(static d => d.ToString()));
        // The test sources carry no XML docs of their own (CS1591 on them); the generated code must need none.
        Assert.Empty(run.OutputDiagnostics
            .Where(static d => d.Severity >= DiagnosticSeverity.Warning)
            .Where(static d => !(d.Id == "CS1591" && d.Location.SourceTree?.FilePath == GeneratorHarness.CatalogueFilePath))
            .Select(static d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
        return run;
    }
}
