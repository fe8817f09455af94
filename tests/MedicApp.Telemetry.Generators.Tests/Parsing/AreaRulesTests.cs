using MedicApp.Telemetry.Generators.Parsing;
using Xunit;

namespace MedicApp.Telemetry.Generators.Tests.Parsing;

/// <summary>The rules every area follows when its assembly declares no pattern of its own: a short, printable label.</summary>
public sealed class AreaRulesTests
{
    [Theory]
    [InlineData("LOG-11")]
    [InlineData("checkout")]
    [InlineData("Patient journey")]
    [InlineData("équipe/paiement")]
    [InlineData("a")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void Check_PrintableLabel_ReturnsNull(string area)
    {
        Assert.Null(AreaRules.Check(area));
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData(" \t", "required")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234", "65 characters")]
    [InlineData(" checkout", "white space")]
    [InlineData("checkout\u00A0", "white space")]
    [InlineData("LOG\n11", "U+000A")]
    [InlineData("LOG\u007F11", "U+007F")]
    [InlineData("check\u200Bout", "U+200B")]
    [InlineData("check\u2028out", "U+2028")]
    public void Check_NotALabel_ReturnsTheReason(string area, string reason)
    {
        Assert.Contains(reason, AreaRules.Check(area), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Patient journey", "Patient journey")]
    [InlineData("LOG\n11", "LOG\\u000A11")]
    [InlineData("check\u202Eout", "check\\u202Eout")]
    public void Display_Area_EscapesOnlyControlAndFormattingCharacters(string area, string expected)
    {
        Assert.Equal(expected, AreaRules.Display(area));
    }
}
