using System;

namespace MedicApp.Telemetry;

internal static partial class PiiScanner
{
    private const int MinCardDigits = 13;
    private const int MaxCardDigits = 19;

    /// <summary>
    /// A card number: 13 to 19 digits, ungrouped or grouped by one kind of separator, an issuer's prefix and one of its
    /// lengths, Luhn.
    /// </summary>
    private static bool TryCard(ReadOnlySpan<char> text, int start, out PiiMatch match)
    {
        match = default;
        if (text[start] is < '2' or > '6' || FollowsGroupOfFour(text, start))
        {
            return false;
        }

        Span<byte> digits = stackalloc byte[MaxCardDigits];

        // Where the number could end: before each separator, and at the end of the digits. The longest valid one wins,
        // so that a number followed by another (4970 1012 3456 7893 12 fois) is still found.
        Span<int> ends = stackalloc int[MaxCardDigits + 1];
        Span<int> counts = stackalloc int[MaxCardDigits + 1];
        var candidates = 0;
        var count = 0;
        var separator = '\0';
        var index = start;
        while (index < text.Length && count < MaxCardDigits)
        {
            var c = text[index];
            if (char.IsAsciiDigit(c))
            {
                digits[count++] = (byte)Digit(c);
                index++;
            }
            else if (SeparatorAt(text, index, out var kind) is > 0 and var length && kind is ' ' or '-' && (separator == '\0' || separator == kind)
                && index + length < text.Length && char.IsAsciiDigit(text[index + length]))
            {
                separator = kind;
                ends[candidates] = index;
                counts[candidates++] = count;
                index += length;
            }
            else
            {
                break;
            }
        }

        ends[candidates] = index;
        counts[candidates++] = count;
        for (var i = candidates - 1; i >= 0; i--)
        {
            if (counts[i] >= MinCardDigits && IsIssuerNumber(digits[..counts[i]], separator != '\0') && IsEnd(text, ends[i]) && Checksums.IsLuhnValid(digits[..counts[i]]))
            {
                match = new PiiMatch(start, ends[i] - start, PiiKind.Card);
                return true;
            }
        }

        return false;
    }

    // A card number does not start inside a grouped IBAN or a longer grouped number: FR76 3000 6000 … holds 16 digits.
    private static bool FollowsGroupOfFour(ReadOnlySpan<char> text, int start)
        => start >= 6 && text[start - 1] is ' ' or '-' && char.IsAsciiLetterOrDigit(text[start - 2]) && char.IsAsciiLetterOrDigit(text[start - 3])
            && char.IsAsciiLetterOrDigit(text[start - 4]) && char.IsAsciiLetterOrDigit(text[start - 5]) && !char.IsAsciiLetterOrDigit(text[start - 6]);

    // Visa, Mastercard, American Express, Discover, JCB, Diners and UnionPay, each with the lengths it gives its numbers:
    // order numbers rarely start like these, and a 14-digit SIRET that starts with 4 and passes Luhn is not a Visa. A
    // 14-digit Diners number is taken only when grouped: written whole, it is a SIRET (which passes Luhn too).
    private static bool IsIssuerNumber(ReadOnlySpan<byte> digits, bool grouped)
    {
        var two = (digits[0] * 10) + digits[1];
        var four = (two * 100) + (digits[2] * 10) + digits[3];
        return two switch
        {
            >= 40 and <= 49 => digits.Length is 13 or 16 or 19,
            >= 51 and <= 55 => digits.Length == 16,
            34 or 37 => digits.Length == 15,
            30 or 36 or 38 => digits.Length >= 16 || (digits.Length == 14 && grouped),
            35 or 62 or 65 => digits.Length >= 16,
            _ => digits.Length >= 16 && (four is 6011 or (>= 6440 and <= 6499) || (digits.Length == 16 && four is >= 2221 and <= 2720)),
        };
    }
}
