using System;

namespace MedicApp.Telemetry;

internal static partial class PiiScanner
{
    private const int MinIbanLength = 15;
    private const int MaxIbanLength = 34;

    /// <summary>An IBAN: country, check digits and account, compact or in groups of four (spaces or dashes), in any case, checked by mod 97.</summary>
    private static bool TryIban(ReadOnlySpan<char> text, int start, out PiiMatch match)
    {
        match = default;
        Span<char> chars = stackalloc char[MaxIbanLength];

        // Where the IBAN could end: after each group of a grouped writing. The longest valid candidate wins.
        Span<int> ends = stackalloc int[MaxIbanLength];
        Span<int> lengths = stackalloc int[MaxIbanLength];
        var candidates = 0;
        var count = 0;
        var index = start;
        var group = 0;
        var separator = '\0';
        while (index < text.Length && count < MaxIbanLength)
        {
            var c = text[index];
            if (char.IsAsciiLetterOrDigit(c))
            {
                chars[count++] = char.ToUpperInvariant(c);
                group++;
                index++;
            }
            else if (group == 4 && SeparatorAt(text, index, out var kind) is > 0 and var length && kind is ' ' or '-' && (separator == '\0' || separator == kind)
                && index + length < text.Length && char.IsAsciiLetterOrDigit(text[index + length]))
            {
                separator = kind;
                ends[candidates] = index;
                lengths[candidates++] = count;
                group = 0;
                index += length;
            }
            else
            {
                break;
            }
        }

        ends[candidates] = index;
        lengths[candidates++] = count;
        for (var i = candidates - 1; i >= 0; i--)
        {
            if (lengths[i] >= MinIbanLength && IsEnd(text, ends[i]) && char.IsAsciiDigit(chars[2]) && char.IsAsciiDigit(chars[3])
                && Checksums.IsIbanValid(chars[..lengths[i]]))
            {
                match = new PiiMatch(start, ends[i] - start, PiiKind.Iban);
                return true;
            }
        }

        return false;
    }
}
