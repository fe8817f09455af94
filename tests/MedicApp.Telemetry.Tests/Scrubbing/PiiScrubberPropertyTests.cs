using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace MedicApp.Telemetry.Tests.Scrubbing;

/// <summary>Valid personal values embedded in random harmless text always vanish, and the text around them stays.</summary>
public sealed class PiiScrubberPropertyTests
{
    [Property(MaxTest = 300)]
    public Property Nir_Vanishes() => VanishesIn(PersonalValues.Nirs, "[nir]");

    [Property(MaxTest = 300)]
    public Property Iban_Vanishes() => VanishesIn(PersonalValues.Ibans, "[iban]");

    [Property(MaxTest = 300)]
    public Property Card_Vanishes() => VanishesIn(PersonalValues.Cards, "[card]");

    // An American Express number of 15 digits can also carry a valid NIR key; the NIR, checked first, names it then.
    [Fact]
    public void Card_ThatIsAlsoAValidNir_VanishesAsANir()
    {
        const string Value = "371550175890362";

        Assert.True(new PiiScrubber([PiiKind.Nir]).ContainsPersonalData(Value));
        Assert.Equal("paid with [nir] today", PiiScrubber.Default.Scrub($"paid with {Value} today"));
    }

    [Property(MaxTest = 300)]
    public Property Phone_Vanishes() => VanishesIn(PersonalValues.Phones, "[phone]");

    [Property(MaxTest = 300)]
    public Property Email_Vanishes() => VanishesIn(PersonalValues.Emails, "[email]");

    [Property(MaxTest = 300)]
    public Property HarmlessText_StaysAsItIs()
        => Prop.ForAll(PersonalValues.HarmlessText.ToArbitrary(), static text => ReferenceEquals(text, PiiScrubber.Default.Scrub(text)));

    // The value sits between harmless text, separated the way log lines separate fields.
    private static readonly PiiScrubber NirOnly = new([PiiKind.Nir]);

    private static Property VanishesIn(Gen<string> values, string placeholder)
    {
        static string PlaceholderOf(string value, string placeholder)
            => placeholder == "[card]" && NirOnly.ContainsPersonalData(value) ? "[nir]" : placeholder;

        var cases =
            from before in PersonalValues.HarmlessText
            from value in values
            from after in PersonalValues.HarmlessText
            select (Text: $"{before} ; {value} ; {after}", Expected: $"{before} ; {PlaceholderOf(value, placeholder)} ; {after}", Value: value);

        return Prop.ForAll(cases.ToArbitrary(), static c =>
        {
            var scrubbed = PiiScrubber.Default.Scrub(c.Text);
            return (scrubbed == c.Expected).Label($"'{c.Text}' gave '{scrubbed}'");
        });
    }
}
