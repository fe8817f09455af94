using System;

namespace MedicApp.Telemetry;

internal static partial class PiiScanner
{
    private const int MinCardDigits = 13;
    private const int MaxCardDigits = 19;

    /// <summary>
    /// A card number: 13 to 19 digits, ungrouped or grouped by one kind of separator, an issuer prefix and a length that
    /// issuer uses, Luhn.
    /// </summary>
    private static bool TryCard(ReadOnlySpan<char> text, int start, out PiiMatch match)
    {
        match = default;
        if (!HasIssuerPrefix(text[start..]))
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
            if (counts[i] >= MinCardDigits && IsIssuerLength(digits[..counts[i]]) && IsEnd(text, ends[i]) && Checksums.IsLuhnValid(digits[..counts[i]]))
            {
                match = new PiiMatch(start, ends[i] - start, PiiKind.Card);
                return true;
            }
        }

        return false;
    }

    // Visa, Mastercard, American Express, Discover, JCB, Diners, UnionPay: order numbers rarely start like these.
    private static bool HasIssuerPrefix(ReadOnlySpan<char> text)
    {
        if (text.Length < 4)
        {
            return false;
        }

        var two = (Digit(text[0]) * 10) + Digit(text[1]);
        if (text[0] == '4' || two is >= 51 and <= 55 or 34 or 37 or 35 or 36 or 38 or 30 or 62 or 65)
        {
            return true;
        }

        if (!char.IsAsciiDigit(text[2]) || !char.IsAsciiDigit(text[3]))
        {
            return false;
        }

        var four = (two * 100) + (Digit(text[2]) * 10) + Digit(text[3]);
        return four is (>= 2221 and <= 2720) or 6011 or (>= 6440 and <= 6499);
    }

    // The lengths each issuer gives its numbers: a 14-digit SIRET that starts with 4 and passes Luhn is not a Visa.
    private static bool IsIssuerLength(ReadOnlySpan<byte> digits)
    {
        var two = (digits[0] * 10) + digits[1];
        return digits.Length switch
        {
            13 => digits[0] == 4,
            14 => two is 30 or 36 or 38,
            15 => two is 34 or 37,
            16 => two is not (34 or 37),
            _ => digits[0] == 4 || two is 30 or 35 or 36 or 38 or 62 or 65 || (two == 60 && digits[2] == 1 && digits[3] == 1) || (two == 64 && digits[2] >= 4),
        };
    }
}
