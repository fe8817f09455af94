using System;

namespace MedicApp.Telemetry;

/// <summary>
/// Lets the registered scrubber see through percent-encoding. Request names, URLs and the log lines built from them
/// carry route values as the client encoded them (<c>/patients/06%2098%2076%2054%2032</c>), where a scrubber that reads
/// text would not recognise them: such a text is decoded and scrubbed again, and sent decoded when that found
/// something.
/// </summary>
internal sealed class PercentDecodingScrubber : ITextScrubber
{
    private PercentDecodingScrubber(ITextScrubber inner) => Inner = inner;

    /// <summary>Gets the registered scrubber.</summary>
    public ITextScrubber Inner { get; }

    public static ITextScrubber Wrap(ITextScrubber scrubber)
        => scrubber is PercentDecodingScrubber or RedactingTextScrubber ? scrubber : new PercentDecodingScrubber(scrubber);

    public string Scrub(string text)
    {
        var scrubbed = Inner.Scrub(text);
        if (!HasEscape(scrubbed))
        {
            return scrubbed;
        }

        // Malformed sequences are kept as they are.
        var decoded = Uri.UnescapeDataString(scrubbed);
        var decodedScrubbed = Inner.Scrub(decoded);
        return ReferenceEquals(decodedScrubbed, decoded) ? scrubbed : decodedScrubbed;
    }

    private static bool HasEscape(string text)
    {
        for (var i = text.IndexOf('%'); i >= 0 && i < text.Length - 2; i = text.IndexOf('%', i + 1))
        {
            if (char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                return true;
            }
        }

        return false;
    }
}
