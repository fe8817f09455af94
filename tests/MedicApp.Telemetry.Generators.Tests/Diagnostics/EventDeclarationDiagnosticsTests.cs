using System.Linq;
using Xunit;

namespace MedicApp.Telemetry.Generators.Tests.Diagnostics;

/// <summary>
/// One test per diagnostic about the event itself (its attribute, method and class): id, exact location, message.
/// </summary>
public sealed class EventDeclarationDiagnosticsTests
{
    [Fact]
    public void DuplicateEventName_SecondDeclaration_ReportsMedtel0001OnItsAttribute()
    {
        const string Markup = """
            using MedicApp.Telemetry;

            namespace Shop;

            public partial class ShopTracker
            {
                [TelemetryEvent("order_placed", Area = "SHP-1", Description = "An order was placed.")]
                public partial void OrderPlaced([NotPersonal] int itemCount);

                [{|MEDTEL0001:TelemetryEvent("order_placed", Area = "SHP-1", Description = "An order was placed again.")|}]
                public partial void OrderPlacedAgain([NotPersonal] int itemCount);
            }
            """;

        DiagnosticAssert.ReportsSingle(Markup, "'order_placed'", "'Shop.ShopTracker.OrderPlaced'");
    }

    [Fact]
    public void InvalidEventName_PascalCase_ReportsMedtel0002OnTheAttribute()
    {
        const string Markup = """
            using MedicApp.Telemetry;

            namespace Shop;

            public partial class ShopTracker
            {
                [{|MEDTEL0002:TelemetryEvent("OrderPlaced", Area = "SHP-1", Description = "An order was placed.")|}]
                public partial void OrderPlaced([NotPersonal] int itemCount);
            }
            """;

        DiagnosticAssert.ReportsSingle(Markup, "'OrderPlaced'", "snake_case");
    }

    [Fact]
    public void EventNameTooLong_65Characters_ReportsMedtel0003OnTheAttribute()
    {
        var name = "order" + string.Concat(Enumerable.Repeat("_placed", 9))[..60];
        Assert.Equal(65, name.Length);
        var markup = """
            using MedicApp.Telemetry;

            namespace Shop;

            public partial class ShopTracker
            {
                [{|MEDTEL0003:TelemetryEvent("NAME", Area = "SHP-1", Description = "An order was placed.")|}]
                public partial void OrderPlaced([NotPersonal] int itemCount);
            }
            """.Replace("NAME", name, System.StringComparison.Ordinal);

        DiagnosticAssert.ReportsSingle(markup, "'" + name + "'", "has 65 characters", "limit is 64");
    }

    [Theory]
    [InlineData("public partial int {|MEDTEL0012:OrderPlaced|}([NotPersonal] int itemCount);", "it does not return void")]
    [InlineData("public static partial void {|MEDTEL0012:OrderPlaced|}([NotPersonal] int itemCount);", "it is static")]
    [InlineData("public partial void {|MEDTEL0012:OrderPlaced|}<T>([NotPersonal] int itemCount);", "it is generic")]
    [InlineData("public void {|MEDTEL0012:OrderPlaced|}([NotPersonal] int itemCount) { }", "it is not partial")]
    [InlineData("partial void {|MEDTEL0012:OrderPlaced|}([NotPersonal] int itemCount) { }", "it has a body")]
    [InlineData("public abstract partial void {|MEDTEL0012:OrderPlaced|}([NotPersonal] int itemCount);", "virtual, override, abstract, extern or new")]
    [InlineData("public override partial void {|MEDTEL0012:OrderPlaced|}([NotPersonal] int itemCount);", "virtual, override, abstract, extern or new")]
    [InlineData("public extern partial void {|MEDTEL0012:OrderPlaced|}([NotPersonal] int itemCount);", "virtual, override, abstract, extern or new")]
    [InlineData("public new partial void {|MEDTEL0012:OrderPlaced|}([NotPersonal] int itemCount);", "virtual, override, abstract, extern or new")]
    public void InvalidEventMethod_WrongShape_ReportsMedtel0012OnTheMethodName(string declaration, string reason)
    {
        var markup = """
            using MedicApp.Telemetry;

            namespace Shop;

            public partial class ShopTracker
            {
                [TelemetryEvent("order_placed", Area = "SHP-1", Description = "An order was placed.")]
                DECLARATION
            }
            """.Replace("DECLARATION", declaration, System.StringComparison.Ordinal);

        DiagnosticAssert.ReportsSingle(markup, "'OrderPlaced'", reason);
    }

    [Theory]
    [InlineData("public class {|MEDTEL0013:ShopTracker|}", "ShopTracker")]
    [InlineData("public static partial class {|MEDTEL0013:ShopTracker|}", "ShopTracker")]
    [InlineData("public partial class {|MEDTEL0013:ShopTracker|}<T>", "ShopTracker")]
    [InlineData("public partial struct {|MEDTEL0013:ShopTracker|}", "ShopTracker")]
    [InlineData("public partial record {|MEDTEL0013:ShopTracker|}", "ShopTracker")]
    [InlineData("file partial class {|MEDTEL0013:ShopTracker|}", "ShopTracker")]
    [InlineData("public partial class Outer { public partial class {|MEDTEL0013:ShopTracker|}", "ShopTracker")]
    [InlineData("public abstract partial class {|MEDTEL0013:ShopTracker|}", "ShopTracker")]
    public void InvalidCatalogueType_NotATopLevelPartialClass_ReportsMedtel0013OnTheClassName(string declaration, string typeName)
    {
        var closing = declaration.StartsWith("public partial class Outer", System.StringComparison.Ordinal) ? "}}" : "}";
        var markup = """
            using MedicApp.Telemetry;

            namespace Shop;

            DECLARATION
            {
                [TelemetryEvent("order_placed", Area = "SHP-1", Description = "An order was placed.")]
                partial void OrderPlaced([NotPersonal] int itemCount);
            CLOSING
            """.Replace("DECLARATION", declaration, System.StringComparison.Ordinal).Replace("CLOSING", closing, System.StringComparison.Ordinal);

        DiagnosticAssert.ReportsSingle(markup, "'" + typeName + "'", "non-generic, non-nested, non-abstract partial class");
    }

    [Fact]
    public void CatalogueDeclaresConstructor_UserConstructor_ReportsMedtel0022OnceOnTheConstructor()
    {
        const string Markup = """
            using MedicApp.Telemetry;

            namespace Shop;

            public partial class ShopTracker
            {
                public {|MEDTEL0022:ShopTracker|}() { }

                [TelemetryEvent("order_placed", Area = "SHP-1", Description = "An order was placed.")]
                public partial void OrderPlaced([NotPersonal] int itemCount);

                [TelemetryEvent("order_shipped", Area = "SHP-1", Description = "An order was shipped.")]
                public partial void OrderShipped([NotPersonal] int itemCount);
            }
            """;

        DiagnosticAssert.ReportsSingle(Markup, "'ShopTracker'", "declares a constructor");
    }

    [Fact]
    public void MissingDescription_NoDescription_ReportsMedtel0014OnTheAttribute()
    {
        const string Markup = """
            using MedicApp.Telemetry;

            namespace Shop;

            public partial class ShopTracker
            {
                [{|MEDTEL0014:TelemetryEvent("order_placed", Area = "SHP-1")|}]
                public partial void OrderPlaced([NotPersonal] int itemCount);
            }
            """;

        DiagnosticAssert.ReportsSingle(Markup, "'order_placed'", "no Description");
    }

    [Theory]
    [InlineData("", "area ''", "an area is required")]
    [InlineData("   ", "area '   '", "an area is required")]
    [InlineData(" checkout", "area ' checkout'", "starts or ends with white space")]
    [InlineData("LOG\\t11", "area 'LOG\\u000911'", "control character U+0009")]
    [InlineData("check\\u202Eout", "area 'check\\u202Eout'", "control character U+202E")]
    [InlineData("checkout-and-payment-of-the-patient-s-consultation-fees-at-the-desk", "has 67 characters", "the limit is 64")]
    public void InvalidArea_NotALabel_ReportsMedtel0015OnTheAttribute(string area, string shownAs, string reason)
    {
        var markup = """
            using MedicApp.Telemetry;

            namespace Shop;

            public partial class ShopTracker
            {
                [{|MEDTEL0015:TelemetryEvent("order_placed", Area = "AREA", Description = "An order was placed.")|}]
                public partial void OrderPlaced([NotPersonal] int itemCount);
            }
            """.Replace("AREA", area, System.StringComparison.Ordinal);

        DiagnosticAssert.ReportsSingle(markup, "'order_placed'", shownAs, reason);
    }

    [Fact]
    public void InvalidSchemaVersion_Zero_ReportsMedtel0016OnTheAttribute()
    {
        const string Markup = """
            using MedicApp.Telemetry;

            namespace Shop;

            public partial class ShopTracker
            {
                [{|MEDTEL0016:TelemetryEvent("order_placed", Area = "SHP-1", Description = "An order was placed.", Version = 0)|}]
                public partial void OrderPlaced([NotPersonal] int itemCount);
            }
            """;

        DiagnosticAssert.ReportsSingle(Markup, "'order_placed'", "schema version 0", "start at 1");
    }

    [Fact]
    public void DuplicateEventMethod_Overload_ReportsMedtel0020OnTheSecondAttribute()
    {
        const string Markup = """
            using MedicApp.Telemetry;

            namespace Shop;

            public partial class ShopTracker
            {
                [TelemetryEvent("order_placed", Area = "SHP-1", Description = "An order was placed.")]
                public partial void OrderPlaced([NotPersonal] int itemCount);

                [{|MEDTEL0020:TelemetryEvent("order_placed_with_total", Area = "SHP-1", Description = "An order was placed, with its total.")|}]
                public partial void OrderPlaced([NotPersonal] int itemCount, [NotPersonal] decimal total);
            }
            """;

        DiagnosticAssert.ReportsSingle(Markup, "'Shop.ShopTracker'", "'OrderPlaced'");
    }
}
