using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Patients;

/// <summary>
/// The interface languages a patient may choose: those the catalogue allows <c>patient_registered.locale</c> to send,
/// read from its metadata, so that the API stores nothing the telemetry would withhold. A fixed list rather than
/// <c>CultureInfo</c>: the cultures the operating system knows depend on its ICU data (none when globalization is
/// invariant), and MedicApp supports a few languages, not every culture.
/// </summary>
internal static class SupportedLocales
{
    private static readonly string[] s_values =
        [.. EventTracker.Catalogue.Find("patient_registered")?.FindProperty("locale")?.AllowedValues ?? []];

    /// <summary>Gets the supported locales, as the catalogue spells them (fr-FR).</summary>
    public static IReadOnlyList<string> All => s_values;

    /// <summary>The supported locale <paramref name="value"/> names, in its canonical case (fr-fr is fr-FR), or null.</summary>
    public static string? Find(string value)
    {
        foreach (var locale in s_values)
        {
            if (string.Equals(locale, value, StringComparison.OrdinalIgnoreCase))
            {
                return locale;
            }
        }

        return null;
    }
}
