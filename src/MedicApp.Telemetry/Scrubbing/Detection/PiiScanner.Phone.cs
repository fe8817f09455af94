using System;

namespace MedicApp.Telemetry;

internal static partial class PiiScanner
{
    // E.164: at most 15 digits; fewer than 8 after a + is a quantity (+5 %, +01:00), not a number to call.
    private const int MinInternationalDigits = 8;
    private const int MaxInternationalDigits = 15;

    /// <summary>A French number: 0X XX XX XX XX, or 0033 X XX XX XX XX, with spaces (encoded in URLs too), dots, dashes or nothing.</summary>
    private static bool TryPhone(ReadOnlySpan<char> text, int start, out PiiMatch match)
    {
        match = default;
        var index = start;
        if (text[start..].StartsWith("0033", StringComparison.Ordinal))
        {
            index = SkipTrunkPrefix(text, start + 4);
        }
        else if (text[start] == '0')
        {
            // Free and special-rate numbers are written 0 800 123 456.
            index = start + 1;
            if (SeparatorAt(text, index, out _) is > 0 and var separator && index + separator < text.Length && text[index + separator] == '8')
            {
                index += separator;
            }
        }
        else
        {
            return false;
        }

        return TryNineDigits(text, start, index, out match);
    }

    /// <summary>A number after <c>+</c>: +33 (0)6 12 34 56 78, (+33) 6…, +336…, or any E.164 number written with separators.</summary>
    private static bool TryInternationalPhone(ReadOnlySpan<char> text, int plus, int plusLength, int floor, out PiiMatch match)
    {
        match = default;
        if (!IsStart(text, plus, floor))
        {
            return false;
        }

        if (text[(plus + plusLength)..].StartsWith("33", StringComparison.Ordinal)
            && TryNineDigits(text, plus, SkipTrunkPrefix(text, plus + plusLength + 2), out match))
        {
            return true;
        }

        // (+33) 6 12 34 56 78: the brackets belong to the number.
        if (plus - 1 >= floor && text[plus - 1] == '(' && text[(plus + plusLength)..].StartsWith("33)", StringComparison.Ordinal)
            && IsStart(text, plus - 1, floor) && TryNineDigits(text, plus - 1, SkipTrunkPrefix(text, plus + plusLength + 3), out match))
        {
            return true;
        }

        var digits = 0;
        var index = plus + plusLength;
        var end = index;
        while (index < text.Length && digits < MaxInternationalDigits)
        {
            if (char.IsAsciiDigit(text[index]))
            {
                digits++;
                end = ++index;
            }
            else if (digits > 0 && SeparatorAt(text, index, out _) is > 0 and var separator
                && index + separator < text.Length && char.IsAsciiDigit(text[index + separator]))
            {
                index += separator;
            }
            else if (text[(index)..].StartsWith("(0)", StringComparison.Ordinal))
            {
                index += 3;
            }
            else
            {
                break;
            }
        }

        if (digits < MinInternationalDigits || !IsEnd(text, end))
        {
            return false;
        }

        match = new PiiMatch(plus, end - plus, PiiKind.Phone);
        return true;
    }

    /// <summary>
    /// A French number in five pairs joined by slashes, as forms and exports write it: 06/98/76/54/32. A date has three
    /// groups, one of them usually of four digits, and so never reads as one.
    /// </summary>
    private static bool TrySlashedPhone(ReadOnlySpan<char> text, int start, out PiiMatch match)
    {
        match = default;
        const int Length = 14;
        if (start + Length > text.Length || text[start] != '0' || text[start + 1] is < '1' or > '9')
        {
            return false;
        }

        for (var i = 2; i < Length; i += 3)
        {
            if (text[start + i] != '/' || !char.IsAsciiDigit(text[start + i + 1]) || !char.IsAsciiDigit(text[start + i + 2]))
            {
                return false;
            }
        }

        // One more pair after a slash is a longer path of numbers, not a phone number.
        var end = start + Length;
        if (!IsEnd(text, end) || (end + 1 < text.Length && text[end] == '/' && char.IsAsciiDigit(text[end + 1])))
        {
            return false;
        }

        match = new PiiMatch(start, Length, PiiKind.Phone);
        return true;
    }

    // After the country code: an optional separator, then an optional "(0)" and its separator.
    private static int SkipTrunkPrefix(ReadOnlySpan<char> text, int index)
    {
        index = SkipSeparator(text, index);
        if (text[index..].StartsWith("(0)", StringComparison.Ordinal))
        {
            index = SkipSeparator(text, index + 3);
        }

        return index;
    }

    private static int SkipSeparator(ReadOnlySpan<char> text, int index)
        => index + SeparatorAt(text, index, out _);

    // The subscriber part: a digit 1-9, then eight digits. After the first, they come in groups of two to four, each
    // after one separator or none: 06 12 34 56 78, 06 12 345 678, 0612 345 678.
    private static bool TryNineDigits(ReadOnlySpan<char> text, int start, int index, out PiiMatch match)
    {
        match = default;
        if (index >= text.Length || text[index] is < '1' or > '9')
        {
            return false;
        }

        index++;
        var digits = 0;
        var group = 0;
        var separated = false;
        var pairs = true;
        while (digits < 8)
        {
            if (index < text.Length && char.IsAsciiDigit(text[index]))
            {
                digits++;
                group++;
                index++;
                separated = false;
            }
            else if (group is not 1 and <= 4 && !separated && SeparatorAt(text, index, out _) is > 0 and var separator)
            {
                pairs &= group is 0 or 2;
                index += separator;
                group = 0;
                separated = true;
            }
            else
            {
                return false;
            }
        }

        // A number that goes on after one more separator is longer than a phone number (a NIR with a wrong key), and
        // so is one written in uneven groups right after another group of digits.
        if (group is 1 || !IsEnd(text, index)
            || (SeparatorAt(text, index, out _) is > 0 and var after && index + after < text.Length && char.IsAsciiDigit(text[index + after]))
            || (!(pairs && group == 2) && start >= 2 && text[start - 1] is ' ' or '.' or '-' && char.IsAsciiDigit(text[start - 2])))
        {
            return false;
        }

        match = new PiiMatch(start, index - start, PiiKind.Phone);
        return true;
    }
}
