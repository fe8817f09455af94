using System;

namespace MedicApp.Telemetry;

internal static partial class PiiScanner
{
    /// <summary>
    /// Where an ISO 8601 date, time or date and time that starts at <paramref name="digit"/> ends (2026-11-24,
    /// 2026-11-24T09:14:03.221Z, 2026-11-24 09:14:03,221+01:00, 09:14:03, 14:30), or -1. The commonest numbers of a log,
    /// and never part of a personal value: read whole, they cost one trigger instead of five.
    /// </summary>
    private static int DateTimeEnd(ReadOnlySpan<char> text, int digit)
    {
        // A date has its dash at the fifth character, a time its colon at the second or third: most numbers have neither.
        if (!(digit + 4 < text.Length && text[digit + 4] == '-') && !(digit + 2 < text.Length && (text[digit + 1] == ':' || text[digit + 2] == ':')))
        {
            return -1;
        }

        int end;
        if (IsDate(text, digit))
        {
            end = digit + 10;
            if (end + 1 < text.Length && text[end] is 'T' or ' ' && TimeEnd(text, end + 1) is > 0 and var timeEnd)
            {
                end = timeEnd;
            }
        }
        else if ((end = TimeEnd(text, digit)) < 0)
        {
            return -1;
        }

        // An IPv6 address can start like a time (12:34::1): what goes on with a colon is not one.
        return IsEnd(text, end) && (end == text.Length || text[end] != ':') ? end : -1;
    }

    // yyyy-MM-dd, years 1900 to 2099.
    private static bool IsDate(ReadOnlySpan<char> text, int index)
        => index + 10 <= text.Length
            && text[index] is '1' or '2' && text[index + 1] is '9' or '0'
            && char.IsAsciiDigit(text[index + 2]) && char.IsAsciiDigit(text[index + 3]) && text[index + 4] == '-'
            && TwoDigits(text, index + 5) is >= 1 and <= 12 && text[index + 7] == '-' && TwoDigits(text, index + 8) is >= 1 and <= 31;

    // H:mm or HH:mm, then :ss, a fraction after a dot or a comma, and Z or an offset, each optional.
    private static int TimeEnd(ReadOnlySpan<char> text, int index)
    {
        var hours = index + 1 < text.Length && char.IsAsciiDigit(text[index + 1]) ? 2 : 1;
        if ((hours == 2 ? TwoDigits(text, index) : Digit(text[index])) is < 0 or > 23 || !IsClockPart(text, index + hours, 59))
        {
            return -1;
        }

        index += hours + 3;
        if (IsClockPart(text, index, 60))
        {
            index += 3;
            if (index + 1 < text.Length && text[index] is '.' or ',' && char.IsAsciiDigit(text[index + 1]))
            {
                index += 2;
                while (index < text.Length && char.IsAsciiDigit(text[index]))
                {
                    index++;
                }
            }
        }

        if (index < text.Length && text[index] == 'Z')
        {
            return index + 1;
        }

        return index < text.Length && text[index] is '+' or '-' && TwoDigits(text, index + 1) is >= 0 and <= 14 && IsClockPart(text, index + 3, 59)
            ? index + 6
            : index;
    }

    // ":mm" with mm at most max.
    private static bool IsClockPart(ReadOnlySpan<char> text, int index, int max)
        => index < text.Length && text[index] == ':' && TwoDigits(text, index + 1) is >= 0 and var value && value <= max;

    // The number of two digits at index, or -1.
    private static int TwoDigits(ReadOnlySpan<char> text, int index)
        => index + 1 < text.Length && char.IsAsciiDigit(text[index]) && char.IsAsciiDigit(text[index + 1])
            ? (Digit(text[index]) * 10) + Digit(text[index + 1])
            : -1;
}
