using System.Linq;
using MedicApp.Telemetry.Generators.Tests.Infrastructure;
using Xunit;

namespace MedicApp.Telemetry.Generators.Tests.Diagnostics;

/// <summary>
/// One test per diagnostic about the shape of a <c>[NotPersonal]</c> property (MEDTEL0028 to MEDTEL0035): id, exact
/// location (the parameter name), severity and message; then the declarations that must report nothing.
/// </summary>
public sealed class NotPersonalShapeDiagnosticsTests
{
    [Theory]
    [InlineData("string")]
    [InlineData("string?")]
    public void NotPersonalStringWithoutShape_BareAttribute_ReportsMedtel0028AsAWarningWithTheFix(string type)
    {
        DiagnosticAssert.ReportsSingleWarning(
            Catalogue("[NotPersonal(\"The coupon used.\")] " + type + " {|MEDTEL0028:coupon|}"),
            "'coupon'",
            "without a shape",
            "AllowedValues = new[]",
            "Pattern = ",
            "MaxLength = n with a Reason",
            "make it an enum");
    }

    [Fact]
    public void NotPersonalStringWithoutShape_Warning_StillGeneratesTheEventWithoutCompilerError()
    {
        var run = GeneratorHarness.Run(Catalogue("[NotPersonal] int itemCount, [NotPersonal] string coupon"));

        Assert.Equal(["MEDTEL0028"], run.GeneratorDiagnostics.Select(static d => d.Id));
        Assert.Empty(run.OutputErrors.Select(static d => d.ToString()));
        Assert.Contains("\"coupon\"", run.SingleGeneratedText, System.StringComparison.Ordinal);
    }

    [Fact]
    public void NotPersonalStringWithoutShape_OnlyADescriptionAndAName_ReportsMedtel0028()
    {
        DiagnosticAssert.ReportsSingleWarning(
            Catalogue("[NotPersonal(\"The coupon used.\", Name = \"coupon_code\")] string {|MEDTEL0028:coupon|}"),
            "'coupon'");
    }

    [Theory]
    [InlineData("[a-z", "not a valid .NET regular expression")]
    [InlineData("^(a+)\\\\1$", "linear-time engine")]
    [InlineData("^(?=clinic)[a-z]+$", "linear-time engine")]
    [InlineData("^(?>clinic)-[0-9]+$", "linear-time engine")]
    [InlineData("", "it is empty")]
    public void InvalidShapePattern_PatternTheRunTimeCannotUse_ReportsMedtel0029WithTheReason(string pattern, string reason)
    {
        DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal(Pattern = \"" + pattern + "\")] string {|MEDTEL0029:clinicId|}"),
            "'clinicId'",
            reason);
    }

    [Fact]
    public void InvalidShapePattern_Backreference_NamesTheConstructsToAvoid()
    {
        DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal(Pattern = \"^(a)\\\\1$\")] string {|MEDTEL0029:clinicId|}"),
            "NonBacktracking",
            "no backreference, lookaround, atomic group or conditional");
    }

    [Theory]
    [InlineData("")]
    [InlineData(", Reason = \"\"")]
    [InlineData(", Reason = \"   \"")]
    public void MaxLengthWithoutReason_NoOrBlankReason_ReportsMedtel0030(string reason)
    {
        DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal(MaxLength = 64" + reason + ")] string {|MEDTEL0030:campaign|}"),
            "'campaign'",
            "MaxLength = 64",
            "without a Reason",
            "Reason = \"");
    }

    [Theory]
    [InlineData("AllowedValues = new[] { \"a\" }, Pattern = \"^a$\"", "AllowedValues and Pattern")]
    [InlineData("Pattern = \"^a$\", MaxLength = 8, Reason = \"Short.\"", "Pattern and MaxLength")]
    [InlineData("AllowedValues = new[] { \"a\" }, MaxLength = 8, Reason = \"Short.\"", "AllowedValues and MaxLength")]
    [InlineData("AllowedValues = new[] { \"a\" }, Pattern = \"^a$\", MaxLength = 8, Reason = \"Short.\"", "AllowedValues and Pattern and MaxLength")]
    public void ConflictingShapes_TwoShapesOnOneString_ReportsMedtel0031NamingThem(string arguments, string named)
    {
        DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal(" + arguments + ")] string {|MEDTEL0031:locale|}"),
            "'locale'",
            named,
            "exactly one shape");
    }

    [Theory]
    [InlineData("new string[0]", "lists no value")]
    [InlineData("new string[] { }", "lists no value")]
    [InlineData("null", "lists no value")]
    [InlineData("new[] { \"fr-FR\", \"\" }", "value #2 is null or empty")]
    [InlineData("new[] { null, \"fr-FR\" }", "value #1 is null or empty")]
    [InlineData("new[] { \"fr-FR\", \"en-GB\", \"fr-FR\" }", "'fr-FR' is listed twice")]
    public void InvalidAllowedValues_EmptyNullOrDuplicateValue_ReportsMedtel0032WithTheProblem(string values, string problem)
    {
        DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal(AllowedValues = " + values + ")] string {|MEDTEL0032:locale|}"),
            "'locale'",
            problem);
    }

    [Fact]
    public void InvalidAllowedValues_ValueLongerThanApplicationInsightsKeeps_ReportsMedtel0032()
    {
        var value = new string('a', 8193);

        DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal(AllowedValues = new[] { \"" + value + "\" })] string {|MEDTEL0032:locale|}"),
            "value #1 is longer than 8192 characters");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(8193)]
    public void InvalidMaxLength_OutOfRange_ReportsMedtel0033WithTheRange(int maxLength)
    {
        DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal(MaxLength = " + maxLength + ", Reason = \"A campaign code.\")] string {|MEDTEL0033:campaign|}"),
            "'campaign'",
            "MaxLength = " + maxLength,
            "between 1 and 8192");
    }

    [Theory]
    [InlineData("int", "Pattern = \"^[0-9]+$\"", "'int'", "Pattern")]
    [InlineData("PaymentMethod", "AllowedValues = new[] { \"card\" }", "'Shop.PaymentMethod'", "AllowedValues")]
    [InlineData("Guid", "MaxLength = 36, Reason = \"An id.\"", "'System.Guid'", "MaxLength, Reason")]
    [InlineData("bool", "Reason = \"A flag.\"", "'bool'", "Reason")]
    public void ShapeOnNonString_ShapeOnAnotherType_ReportsMedtel0034(string type, string arguments, string typeDisplay, string declared)
    {
        DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal(" + arguments + ")] " + type + " {|MEDTEL0034:method|}"),
            "'method'",
            typeDisplay,
            "declares " + declared + ":",
            "only a string has a declared shape");
    }

    [Fact]
    public void ReasonWithoutMaxLength_ReasonAlone_ReportsMedtel0035()
    {
        DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal(Reason = \"A campaign code.\")] string {|MEDTEL0035:campaign|}"),
            "'campaign'",
            "Reason without MaxLength",
            "Add MaxLength");
    }

    [Theory]
    [InlineData("Pattern = \"^a$\", Reason = \"Short.\"")]
    [InlineData("AllowedValues = new[] { \"a\" }, Reason = \"Short.\"")]
    public void ReasonWithoutMaxLength_ReasonBesideAnotherShape_ReportsMedtel0035(string arguments)
    {
        DiagnosticAssert.ReportsSingle(
            Catalogue("[NotPersonal(" + arguments + ")] string {|MEDTEL0035:campaign|}"),
            "'campaign'");
    }

    [Theory]
    [InlineData("[NotPersonal(AllowedValues = new[] { \"fr-FR\", \"en-GB\" })] string locale")]
    [InlineData("[NotPersonal(AllowedValues = new[] { \"fr-FR\" })] string? locale = null")]
    [InlineData("[NotPersonal(Pattern = \"^clinic-[0-9]{1,6}$\")] string clinicId")]
    [InlineData("[NotPersonal(Pattern = \"[a-z]{2}\")] string country")]
    [InlineData("[NotPersonal(MaxLength = 64, Reason = \"A campaign code chosen by marketing.\")] string campaign")]
    [InlineData("[NotPersonal(MaxLength = 8192, Reason = \"A build label.\")] string build")]
    [InlineData("[NotPersonal] PaymentMethod method")]
    [InlineData("[NotPersonal] PaymentMethod? method")]
    [InlineData("[NotPersonal] int itemCount")]
    [InlineData("[NotPersonal] Guid basketId")]
    [InlineData("[FreeText] string note")]
    [InlineData("[Pseudonymized] string customerId")]
    public void Generator_ShapedStringOrNotAString_ReportsNothingAndCompiles(string parameter)
    {
        var run = GeneratorHarness.Run(Catalogue(parameter));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.OutputErrors.Select(static d => d.ToString()));
    }

    [Theory]
    [InlineData("MEDTEL0029", "[NotPersonal(Pattern = \"[a-z\")] string clinicId")]
    [InlineData("MEDTEL0030", "[NotPersonal(MaxLength = 64)] string campaign")]
    [InlineData("MEDTEL0031", "[NotPersonal(AllowedValues = new[] { \"a\" }, Pattern = \"^a$\")] string locale")]
    [InlineData("MEDTEL0032", "[NotPersonal(AllowedValues = new string[0])] string locale")]
    [InlineData("MEDTEL0033", "[NotPersonal(MaxLength = 0, Reason = \"None.\")] string campaign")]
    [InlineData("MEDTEL0034", "[NotPersonal(Pattern = \"^[0-9]+$\")] int quantity")]
    [InlineData("MEDTEL0035", "[NotPersonal(Reason = \"None.\")] string campaign")]
    public void OutputCompilation_InvalidShape_HasOnlyTheMedtelDiagnostic(string id, string parameter)
    {
        var run = GeneratorHarness.Run(Catalogue("[NotPersonal] int itemCount, " + parameter));

        Assert.Equal([id], run.GeneratorDiagnostics.Select(static d => d.Id));
        Assert.Empty(run.OutputErrors.Select(static d => d.ToString()));
    }

    private static string Catalogue(string parameters) => ShopCatalogue.Declaring(parameters);
}
