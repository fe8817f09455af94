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
    // At most 12 digits: fewer than the shortest number the scrubber looks for (a card of 13), so never personal.
    private const long ShortestPersonalNumber = 1_000_000_000_000;

    /// <summary>Returns the scrubbed text of <paramref name="value"/>, or null when the value can stay as it is.</summary>
    public static object? Scrub(ITextScrubber scrubber, object? value) => value switch
    {
        null or bool or Enum or DateTime or DateTimeOffset or TimeSpan or Guid or double or float or char => null,
        int or short or byte or sbyte or ushort or uint => null,
        long number when number is > -ShortestPersonalNumber and < ShortestPersonalNumber => null,
        string text => ScrubText(scrubber, text),
        string[] texts => ScrubAll(scrubber, texts),
        ISpanFormattable formattable => ScrubFormatted(scrubber, formattable),
        _ => ScrubText(scrubber, value.ToString()),
    };

    private static string[]? ScrubAll(ITextScrubber scrubber, string[] texts)
    {
        string[]? copy = null;
        for (var i = 0; i < texts.Length; i++)
        {
            if (ScrubText(scrubber, texts[i]) is { } scrubbed)
            {
                copy ??= (string[])texts.Clone();
                copy[i] = scrubbed;
            }
        }

        return copy;
    }

    // Numbers (a NIR or a card held in a long or a decimal) are checked without allocating their text.
    private static string? ScrubFormatted(ITextScrubber scrubber, ISpanFormattable value)
    {
        Span<char> buffer = stackalloc char[64];
        if (!value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture))
        {
            return ScrubText(scrubber, value.ToString(null, CultureInfo.InvariantCulture));
        }

        return scrubber.ScrubChanged(buffer[..written]);
    }

    private static string? ScrubText(ITextScrubber scrubber, string? text)
    {
        if (text is null)
        {
            return null;
        }

        var scrubbed = scrubber.Scrub(text);
        return ReferenceEquals(scrubbed, text) ? null : scrubbed;
    }
}
