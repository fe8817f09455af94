using System.Linq;
using Xunit;

namespace MedicApp.Telemetry.Generators.Tests.Diagnostics;

/// <summary>
/// One test per diagnostic about an event property (a parameter of the event method): id, exact location, message.
/// Property diagnostics point at the parameter name; the property-count one at the parameter list.
/// </summary>
public sealed class PropertyDiagnosticsTests
{
    [Theory]
    [InlineData("string")]
    [InlineData("string?")]
    [InlineData("Guid")]
    [InlineData("Guid?")]
    [InlineData("DateTimeOffset")]
    [InlineData("TimeSpan")]
    [InlineData("int")]
    [InlineData("long?")]
    [InlineData("decimal")]
    [InlineData("bool")]
    [InlineData("PaymentMethod")]
    public void MissingClassification_UnclassifiedParameterOfAnyType_ReportsMedtel0004OnTheParameter(string type)
    {
        var diagnostic = DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal] int itemCount, " + type + " {|MEDTEL0004:customer|}"),
            "'customer'",
            "add [NotPersonal], [Pseudonymized] or [FreeText]",
            "personal or health data cannot be tracked");

        Assert.DoesNotContain("[PersonalData]", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void UnsupportedPropertyType_DateTime_ReportsMedtel0005WithTheDateTimeOffsetHint()
    {
        DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal] DateTime {|MEDTEL0005:placedAt|}"),
            "'placedAt'",
            "DateTime'",
            "use DateTimeOffset");
    }

    [Fact]
    public void DuplicatePropertyName_TwoParametersWithOneWireName_ReportsMedtel0006OnTheSecond()
    {
        DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal] int itemCount, [NotPersonal(Name = \"item_count\")] int {|MEDTEL0006:items|}"),
            "'item_count'",
            "'order_placed'");
    }

    [Fact]
    public void InvalidPropertyName_ExplicitPascalCaseName_ReportsMedtel0007OnTheParameter()
    {
        DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal(Name = \"ItemCount\")] int {|MEDTEL0007:items|}"),
            "'ItemCount'",
            "at most 150 characters");
    }

    [Fact]
    public void InvalidPropertyName_ExplicitNameOf151Characters_ReportsMedtel0007OnTheParameter()
    {
        var name = "item_" + new string('x', 146);
        Assert.Equal(151, name.Length);

        DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal(Name = \"" + name + "\")] int {|MEDTEL0007:items|}"),
            "'" + name + "'",
            "at most 150 characters");
    }

    [Fact]
    public void InvalidPropertyName_DerivedFromANonAsciiParameterName_ReportsMedtel0007OnTheParameter()
    {
        DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal] int {|MEDTEL0007:größe|}"),
            "'größe'",
            "is not valid");
    }

    [Theory]
    [InlineData("[NotPersonal] int itemCount, [NotPersonal] Guid {|MEDTEL0008:eventId|}", "'event_id'")]
    [InlineData("[NotPersonal] int {|MEDTEL0008:schemaVersion|}", "'schema_version'")]
    [InlineData("[NotPersonal(Name = \"event_warnings\")] string {|MEDTEL0008:warnings|}", "'event_warnings'")]
    public void ReservedPropertyName_NameTheSdkAdds_ReportsMedtel0008OnTheParameter(string parameters, string name)
    {
        DiagnosticAssert.ReportsSingle(Catalogue(parameters), name, "added to every event");
    }

    [Fact]
    public void TooManyProperties_97Parameters_ReportsMedtel0009OnTheParameterList()
    {
        var parameters = string.Join(", ", Enumerable.Range(0, 97).Select(static i => $"[NotPersonal] int p{i}"));

        DiagnosticAssert.ReportsSingle(
            Catalogue(parameters).Replace("OrderPlaced(" + parameters + ")", "OrderPlaced{|MEDTEL0009:(" + parameters + ")|}", System.StringComparison.Ordinal),
            "'order_placed'",
            "declares 97 properties",
            "at most 100",
            "its own 4");
    }

    [Fact]
    public void TooManyProperties_96Parameters_ReportsNothing()
    {
        var parameters = string.Join(", ", Enumerable.Range(0, 96).Select(static i => $"[NotPersonal] int p{i}"));

        var run = Infrastructure.GeneratorHarness.Run(Catalogue(parameters));

        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void ClassificationDoesNotFitType_PseudonymizedInt_ReportsMedtel0010OnTheParameter()
    {
        DiagnosticAssert.ReportsSingle(
            Catalogue("[Pseudonymized] int {|MEDTEL0010:customerNumber|}"),
            "'customerNumber'",
            "'int'",
            "[Pseudonymized]",
            "only string and Guid identifiers can be pseudonymized");
    }

    [Fact]
    public void ClassificationDoesNotFitType_FreeTextGuid_ReportsMedtel0010OnTheParameter()
    {
        DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal] int itemCount, [FreeText] Guid {|MEDTEL0010:basketId|}"),
            "'basketId'",
            "'System.Guid'",
            "[FreeText]",
            "only strings hold free text to scrub");
    }

    [Fact]
    public void EmptyEnum_EnumWithoutMembers_ReportsMedtel0025OnTheParameter()
    {
        DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal] int itemCount, [NotPersonal] Outcome {|MEDTEL0025:outcome|}"),
            "'outcome'",
            "'Shop.Outcome'",
            "no members");
    }

    [Fact]
    public void PersonalDataIsNeverSent_PersonalDataString_ReportsMedtel0011OnTheParameter()
    {
        DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal] int itemCount, [PersonalData] string {|MEDTEL0011:email|}"),
            "'email'",
            "never leave the process");
    }

    [Fact]
    public void MultipleClassifications_NotPersonalAndFreeText_ReportsMedtel0017OnTheParameter()
    {
        DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal, FreeText] string {|MEDTEL0017:note|}"),
            "'note'",
            "keep exactly one");
    }

    [Theory]
    [InlineData("[NotPersonal] ref int {|MEDTEL0018:itemCount|}", "'ref'")]
    [InlineData("[NotPersonal] in int {|MEDTEL0018:itemCount|}", "'in'")]
    [InlineData("[NotPersonal] out int {|MEDTEL0018:itemCount|}", "'out'")]
    [InlineData("[NotPersonal] ref readonly int {|MEDTEL0018:itemCount|}", "'ref readonly'")]
    [InlineData("[NotPersonal] params int[] {|MEDTEL0018:itemCount|}", "'params'")]
    public void UnsupportedParameterModifier_NotByValue_ReportsMedtel0018OnTheParameter(string parameter, string modifier)
    {
        DiagnosticAssert.ReportsSingle(Catalogue(parameter), "'itemCount'", modifier, "passed by value");
    }

    [Fact]
    public void FlagsEnumNotSupported_FlagsEnum_ReportsMedtel0019OnTheParameter()
    {
        DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal] PaymentMethod method, [NotPersonal] OrderFlags {|MEDTEL0019:flags|}"),
            "'flags'",
            "OrderFlags'",
            "one bool property per flag");
    }

    [Fact]
    public void DuplicateEnumWireName_SmsAndSMS_ReportsMedtel0021OnTheParameter()
    {
        DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal] Channel {|MEDTEL0021:channel|}"),
            "'Channel'",
            "'Sms' and 'SMS'",
            "'sms'");
    }

    private static string Catalogue(string parameters) => ShopCatalogue.Declaring(parameters);
}
