using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

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

    [Property(MaxTest = 300)]
    public Property Phone_Vanishes() => VanishesIn(PersonalValues.Phones, "[phone]");

    [Property(MaxTest = 300)]
    public Property Email_Vanishes() => VanishesIn(PersonalValues.Emails, "[email]");

    [Property(MaxTest = 300)]
    public Property HarmlessText_StaysAsItIs()
        => Prop.ForAll(PersonalValues.HarmlessText.ToArbitrary(), static text => ReferenceEquals(text, PiiScrubber.Default.Scrub(text)));

    // The value sits between harmless text, separated the way log lines separate fields.
    private static Property VanishesIn(Gen<string> values, string placeholder)
    {
        var cases =
            from before in PersonalValues.HarmlessText
            from value in values
            from after in PersonalValues.HarmlessText
            select (Text: $"{before} ; {value} ; {after}", Expected: $"{before} ; {placeholder} ; {after}", Value: value);

        return Prop.ForAll(cases.ToArbitrary(), static c =>
        {
            var scrubbed = PiiScrubber.Default.Scrub(c.Text);
            return (scrubbed == c.Expected).Label($"'{c.Text}' gave '{scrubbed}'");
        });
    }
}
