using Xunit;

namespace MedicApp.Telemetry.Generators.Tests.Diagnostics;

/// <summary>
/// Declarations that would clash with the generated code, or that it cannot build on: id, exact location, message.
/// </summary>
public sealed class GeneratedNameDiagnosticsTests
{
    private const string Attribute = "[TelemetryEvent(\"order_placed\", Area = \"SHP-1\", Description = \"An order was placed.\")]";

    [Theory]
    [InlineData(Attribute + " public partial void {|MEDTEL0023:Catalogue|}([NotPersonal] int items);", "'Catalogue'", "static Catalogue property")]
    [InlineData(Attribute + " public partial void OrderPlaced([NotPersonal] int items); public static int {|MEDTEL0023:Catalogue|} => 0;", "'Catalogue'", "static Catalogue property")]
    [InlineData(Attribute + " public partial void OrderPlaced([NotPersonal] int items); private readonly int {|MEDTEL0023:_medicAppTelemetryPipeline|};", "'_medicAppTelemetryPipeline'", "holds the pipeline")]
    [InlineData(Attribute + " public partial void OrderPlaced([NotPersonal] int items); public sealed class {|MEDTEL0023:OrderPlacedEvent|} { }", "'OrderPlacedEvent'", "payload struct of event method 'OrderPlaced'")]
    [InlineData(Attribute + " public partial void OrderPlaced([NotPersonal] int items); public void {|MEDTEL0023:OrderPlacedEvent|}() { }", "'OrderPlacedEvent'", "payload struct of event method 'OrderPlaced'")]
    public void GeneratedNameClash_MemberOfTheCatalogue_ReportsMedtel0023OnTheMember(string members, string name, string what)
    {
        DiagnosticAssert.ReportsSingle(Catalogue("public partial class ShopTracker", members), "Member " + name, what, "rename it");
    }

    [Fact]
    public void GeneratedNameClash_MemberOfTheBaseClass_ReportsMedtel0023OnTheInheritedMember()
    {
        var markup = Catalogue(
            "public class TrackerBase { public static string {|MEDTEL0023:Catalogue|} => \"base\"; }\n\npublic partial class ShopTracker : TrackerBase",
            Attribute + " public partial void OrderPlaced([NotPersonal] int items);");

        DiagnosticAssert.ReportsSingle(markup, "Member 'Catalogue'");
    }

    [Fact]
    public void GeneratedNameClash_ParametersXAndUpperX_ReportsMedtel0023OnTheSecond()
    {
        var markup = Catalogue(
            "public partial class ShopTracker",
            Attribute + " public partial void OrderPlaced([NotPersonal(Name = \"width\")] int x, [NotPersonal(Name = \"x_size\")] int {|MEDTEL0023:X|});");

        DiagnosticAssert.ReportsSingle(markup, "Parameter 'X'", "property 'X' of OrderPlacedEvent", "parameter 'x'");
    }

    [Fact]
    public void GeneratedNameClash_DefinitionAndDefinitionValue_ReportsMedtel0023OnTheSecond()
    {
        var markup = Catalogue(
            "public partial class ShopTracker",
            Attribute + " public partial void OrderPlaced([NotPersonal] int definition, [NotPersonal] int {|MEDTEL0023:definitionValue|});");

        DiagnosticAssert.ReportsSingle(markup, "Parameter 'definitionValue'", "property 'DefinitionValue'", "parameter 'definition'");
    }

    [Theory]
    [InlineData("public abstract class TrackerBase { protected TrackerBase(string prefix) { } }", "public partial class ShopTracker : {|MEDTEL0024:TrackerBase|}")]
    [InlineData("public class TrackerBase { private TrackerBase() { } public TrackerBase(int seed) { } }", "public partial class ShopTracker : {|MEDTEL0024:TrackerBase|}, System.IDisposable")]
    [InlineData("public class TrackerBase { public TrackerBase(int seed) { } }", "public partial class ShopTracker : {|MEDTEL0024:global::Shop.TrackerBase|}")]
    public void BaseClassWithoutParameterlessConstructor_ReportsMedtel0024OnTheBaseType(string baseClass, string catalogue)
    {
        var dispose = catalogue.Contains("IDisposable", System.StringComparison.Ordinal) ? " public void Dispose() { }" : string.Empty;
        var markup = Catalogue(baseClass + "\n\n" + catalogue, Attribute + " public partial void OrderPlaced([NotPersonal] int items);" + dispose);

        DiagnosticAssert.ReportsSingle(markup, "'ShopTracker'", "'Shop.TrackerBase'", "calls base()");
    }

    [Fact]
    public void BaseClassWithoutParameterlessConstructor_GeneratedCode_AddsNoErrorOfItsOwn()
    {
        var source = Catalogue(
            "public class TrackerBase { public TrackerBase(int seed) { } }\n\npublic partial class ShopTracker : TrackerBase",
            Attribute + " public partial void OrderPlaced([NotPersonal] int items);");

        var run = Infrastructure.GeneratorHarness.Run(source);

        Assert.Equal("MEDTEL0024", Assert.Single(run.GeneratorDiagnostics).Id);
        // Nothing is generated for the class but the method's stub; the compiler's own error is on the class itself,
        // which would not compile without the generator either.
        var error = Assert.Single(run.OutputErrors);
        Assert.Equal("CS7036", error.Id);
        Assert.Equal(Infrastructure.GeneratorHarness.CatalogueFilePath, error.Location.SourceTree?.FilePath);
    }

    private static string Catalogue(string declaration, string members) => $$"""
        using MedicApp.Telemetry;

        namespace Shop;

        {{declaration}}
        {
            {{members}}
        }
        """;
}
