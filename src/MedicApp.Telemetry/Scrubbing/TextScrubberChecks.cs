using System;

namespace MedicApp.Telemetry;

/// <summary>
/// What the telemetry processors ask of whichever <see cref="ITextScrubber"/> is registered: <see cref="PiiScrubber"/>
/// answers without allocating, any other scrubber through <see cref="ITextScrubber.Scrub"/>.
/// </summary>
internal static class TextScrubberChecks
{
    /// <summary>True when <paramref name="scrubber"/> would change <paramref name="text"/>.</summary>
    public static bool WouldChange(this ITextScrubber scrubber, string text)
        => scrubber is PiiScrubber pii ? pii.ContainsPersonalData(text) : !ReferenceEquals(scrubber.Scrub(text), text);

    /// <summary>The scrubbed text of a formatted value, or null when it can stay as it is.</summary>
    public static string? ScrubChanged(this ITextScrubber scrubber, ReadOnlySpan<char> text)
    {
        // A formatted number holds no percent-encoding.
        if ((scrubber as PercentDecodingScrubber)?.Inner is PiiScrubber decoded)
        {
            scrubber = decoded;
        }

        if (scrubber is PiiScrubber pii)
        {
            return pii.ContainsPersonalData(text) ? pii.Scrub(text) : null;
        }

        var original = text.ToString();
        var scrubbed = scrubber.Scrub(original);
        return ReferenceEquals(scrubbed, original) ? null : scrubbed;
    }
}
