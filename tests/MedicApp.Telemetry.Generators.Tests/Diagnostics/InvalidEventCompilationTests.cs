using System.Linq;
using MedicApp.Telemetry.Generators.Tests.Infrastructure;
using Xunit;

namespace MedicApp.Telemetry.Generators.Tests.Diagnostics;

/// <summary>
/// An invalid event is reported once, by its MEDTEL diagnostic: the code generated for it (an empty method body)
/// must not add compiler errors on top, which would bury the real message.
/// </summary>
public sealed class InvalidEventCompilationTests
{
    private const string Template = """
        using System;
        using MedicApp.Telemetry;

        namespace Shop;

        [Flags]
        public enum OrderFlags { None = 0, Gift = 1 }

        public enum Outcome { }

        public partial class ShopTracker
        {
            [TelemetryEvent(ATTRIBUTE)]
            public partial void OrderPlaced(PARAMETERS);

            [TelemetryEvent("order_shipped", Area = "SHP-1", Description = "An order was shipped.")]
            public partial void OrderShipped([NotPersonal] int itemCount);
        }
        """;

    private const string ValidAttribute = "\"order_placed\", Area = \"SHP-1\", Description = \"An order was placed.\"";

    [Theory]
    [InlineData("MEDTEL0001", "\"order_shipped\", Area = \"SHP-1\", Description = \"Shipped twice.\"", "[NotPersonal] int itemCount")]
    [InlineData("MEDTEL0002", "\"OrderPlaced\", Area = \"SHP-1\", Description = \"An order was placed.\"", "[NotPersonal] int itemCount")]
    [InlineData("MEDTEL0004", ValidAttribute, "string note")]
    [InlineData("MEDTEL0005", ValidAttribute, "[NotPersonal] DateTime placedAt")]
    [InlineData("MEDTEL0006", ValidAttribute, "[NotPersonal] int itemCount, [NotPersonal(Name = \"item_count\")] int items")]
    [InlineData("MEDTEL0008", ValidAttribute, "[NotPersonal] string eventArea")]
    [InlineData("MEDTEL0010", ValidAttribute, "[FreeText] int itemCount")]
    [InlineData("MEDTEL0011", ValidAttribute, "[PersonalData] string email")]
    [InlineData("MEDTEL0014", "\"order_placed\", Area = \"SHP-1\"", "[NotPersonal] int itemCount")]
    [InlineData("MEDTEL0015", "\"order_placed\", Area = \"\", Description = \"An order was placed.\"", "[NotPersonal] int itemCount")]
    [InlineData("MEDTEL0016", "\"order_placed\", Area = \"SHP-1\", Description = \"An order was placed.\", Version = -1", "[NotPersonal] int itemCount")]
    [InlineData("MEDTEL0018", ValidAttribute, "[NotPersonal] in int itemCount")]
    [InlineData("MEDTEL0018", ValidAttribute, "[NotPersonal] params int[] itemCounts")]
    [InlineData("MEDTEL0018", ValidAttribute, "[NotPersonal] out int itemCount")]
    [InlineData("MEDTEL0018", ValidAttribute, "[NotPersonal] ref int itemCount")]
    [InlineData("MEDTEL0018", ValidAttribute, "[NotPersonal] ref readonly int itemCount")]
    [InlineData("MEDTEL0019", ValidAttribute, "[NotPersonal] OrderFlags flags")]
    [InlineData("MEDTEL0025", ValidAttribute, "[NotPersonal] Outcome outcome")]
    public void OutputCompilation_InvalidEvent_HasOnlyTheMedtelDiagnostic(string id, string attribute, string parameters)
    {
        var source = Template
            .Replace("ATTRIBUTE", attribute, System.StringComparison.Ordinal)
            .Replace("PARAMETERS", parameters, System.StringComparison.Ordinal);

        var run = GeneratorHarness.Run(source);

        Assert.Equal([id], run.GeneratorDiagnostics.Select(static d => d.Id).Distinct());
        Assert.Empty(run.OutputErrors.Select(static d => d.ToString()));
    }

    [Fact]
    public void Generator_InvalidEvent_StillGeneratesTheValidEventsOfItsCatalogue()
    {
        var source = Template
            .Replace("ATTRIBUTE", ValidAttribute, System.StringComparison.Ordinal)
            .Replace("PARAMETERS", "string note", System.StringComparison.Ordinal);

        var run = GeneratorHarness.Run(source);

        var text = run.SingleGeneratedText;
        Assert.Contains("private readonly struct OrderShippedEvent", text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("struct OrderPlacedEvent", text, System.StringComparison.Ordinal);
        Assert.Contains("// Not generated: the declaration has errors reported by MedicApp.Telemetry.Generators.", text, System.StringComparison.Ordinal);
    }
}
