using System;
using System.Globalization;

namespace MedicApp.Telemetry;

/// <summary>
/// Scrubs the value of a span tag or log attribute. The exporter writes every value as text (<c>ToString()</c>), so
/// any value whose text can hold a personal value is checked as text; the scrubbed text replaces it only when it
/// differs, and every other value keeps its type.
/// </summary>
internal static class AttributeValueScrubbing
{
    // Fewer digits than the shortest number the scrubber looks for (a card of 12): such an integer is never personal.
    private const long ShortestPersonalNumber = 100_000_000_000;

    /// <summary>Returns the scrubbed text of <paramref name="value"/>, or null when the value can stay as it is.</summary>
    public static object? Scrub(PiiScrubber scrubber, object? value)
    {
        switch (value)
        {
            case null or bool or Enum or DateTime or DateTimeOffset or TimeSpan or Guid or double or float or char:
                return null;
            case string text:
                var scrubbed = scrubber.Scrub(text);
                return ReferenceEquals(scrubbed, text) ? null : scrubbed;
            case int or short or byte or sbyte or ushort or uint:
                return null;
            case long number when number is > -ShortestPersonalNumber and < ShortestPersonalNumber:
                return null;
            case string[] texts:
                return ScrubAll(scrubber, texts);
            case ISpanFormattable formattable:
                return ScrubFormatted(scrubber, formattable);
            default:
                return ScrubText(scrubber, value.ToString());
        }
    }

    private static string[]? ScrubAll(PiiScrubber scrubber, string[] texts)
    {
        string[]? copy = null;
        for (var i = 0; i < texts.Length; i++)
        {
            if (texts[i] is { } text && scrubber.Scrub(text) is var scrubbed && !ReferenceEquals(scrubbed, text))
            {
                copy ??= (string[])texts.Clone();
                copy[i] = scrubbed;
            }
        }

        return copy;
    }

    // Numbers (a NIR or a card held in a long or a decimal) are checked without allocating their text.
    private static string? ScrubFormatted(PiiScrubber scrubber, ISpanFormattable value)
    {
        Span<char> buffer = stackalloc char[64];
        if (!value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture))
        {
            return ScrubText(scrubber, value.ToString(null, CultureInfo.InvariantCulture));
        }

        var text = buffer[..written];
        return scrubber.ContainsPersonalData(text) ? scrubber.Scrub(text) : null;
    }

    private static string? ScrubText(PiiScrubber scrubber, string? text)
    {
        if (text is null)
        {
            return null;
        }

        var scrubbed = scrubber.Scrub(text);
        return ReferenceEquals(scrubbed, text) ? null : scrubbed;
    }
}
