using System;
using System.Buffers;
using System.Collections.Frozen;

namespace MedicApp.Telemetry;

internal static partial class PiiScanner
{
    // How far before a date its birth word may stand: "date de naissance du patient (JJ/MM/AAAA) : " fits.
    private const int BirthContextWindow = 64;
    private const int MaxMonthName = 10;

    private static readonly SearchValues<char> s_birthWordLetters = SearchValues.Create("bBnNdD");

    // Looked up in one step: every "1 task" or "2 jours" of a log reads the word after the number.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_monthNames = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "janvier", "janv", "février", "fevrier", "févr", "fevr", "mars", "avril", "avr", "mai", "juin", "juillet", "juil",
        "août", "aout", "septembre", "sept", "octobre", "novembre", "décembre", "decembre", "déc",
        "january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun", "july", "jul",
        "august", "aug", "september", "sep", "october", "oct", "november", "nov", "december", "dec").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A date of birth: a date in a common writing (12/03/1985, 12.03.1985, 1985-03-12, 19850312, 12 mars 1985,
    /// 1er mars 1985, 12-Mar-1985, March 12, 1985) after a word that says so (né le, date de naissance, birthDate,
    /// DateOfBirth, dob, DDN, born), as Presidio's date recognizer does with its context words. Other dates stay.
    /// </summary>
    private static bool TryBirthDate(ReadOnlySpan<char> text, int digit, int floor, out PiiMatch match)
    {
        match = default;
        var start = digit;
        var end = NumericDateEnd(text, digit);
        if (end < 0)
        {
            end = DayMonthNameYearEnd(text, digit);
        }

        if (end < 0 && MonthNameBefore(text, digit, floor) is >= 0 and var month)
        {
            start = month;
            end = DayYearEnd(text, digit);
        }

        if (end < 0 || !IsEnd(text, end) || !HasBirthContext(text, start))
        {
            return false;
        }

        match = new PiiMatch(start, end - start, PiiKind.BirthDate);
        return true;
    }

    /// <summary>An ISO date already read by the scan, when a birth word stands before it.</summary>
    private static bool TryIsoBirthDate(ReadOnlySpan<char> text, int digit, int end, out PiiMatch match)
    {
        match = default;
        if (!IsDate(text, digit) || !HasBirthContext(text, digit))
        {
            return false;
        }

        match = new PiiMatch(digit, end - digit, PiiKind.BirthDate);
        return true;
    }

    // d/m/yyyy, dd.mm.yy, yyyy/mm/dd (one kind of separator), or yyyymmdd; the end, or -1.
    private static int NumericDateEnd(ReadOnlySpan<char> text, int index)
    {
        var first = DigitRun(text, index, 9);
        if (first == 8)
        {
            var year = (TwoDigits(text, index) * 100) + TwoDigits(text, index + 2);
            return year is >= 1900 and <= 2099 && IsDayMonth(TwoDigits(text, index + 6), TwoDigits(text, index + 4)) ? index + 8 : -1;
        }

        if (first is not (1 or 2 or 4) || index + first >= text.Length || text[index + first] is not ('/' or '.' or '-'))
        {
            return -1;
        }

        var separator = text[index + first];
        var second = index + first + 1;
        var secondLength = DigitRun(text, second, 3);
        if (secondLength is not (1 or 2) || second + secondLength >= text.Length || text[second + secondLength] != separator)
        {
            return -1;
        }

        var third = second + secondLength + 1;
        var thirdLength = DigitRun(text, third, 5);
        var a = Number(text, index, first);
        var b = Number(text, second, secondLength);
        if (first == 4)
        {
            return a is >= 1900 and <= 2099 && thirdLength is 1 or 2 && IsDayMonth(Number(text, third, thirdLength), b) ? third + thirdLength : -1;
        }

        return thirdLength is 2 or 4 && (IsDayMonth(a, b) || IsDayMonth(b, a)) ? third + thirdLength : -1;
    }

    // 12 mars 1985, 1er mars 1985, 12-Mar-1985, 12 March 1985.
    private static int DayMonthNameYearEnd(ReadOnlySpan<char> text, int index)
    {
        var dayLength = DigitRun(text, index, 3);
        if (dayLength is not (1 or 2) || Number(text, index, dayLength) is < 1 or > 31)
        {
            return -1;
        }

        var next = index + dayLength;
        if (text[next..].StartsWith("er", StringComparison.Ordinal))
        {
            next += 2;
        }

        if (next >= text.Length || text[next] is not (' ' or '-'))
        {
            return -1;
        }

        var separator = text[next];
        var monthEnd = MonthNameEnd(text, next + 1);
        if (monthEnd < 0 || monthEnd >= text.Length || text[monthEnd] != separator)
        {
            return -1;
        }

        return DigitRun(text, monthEnd + 1, 5) == 4 ? monthEnd + 5 : -1;
    }

    // The month of "March 12, 1985" that ends one space before the day, or -1.
    private static int MonthNameBefore(ReadOnlySpan<char> text, int digit, int floor)
    {
        if (digit - 2 < floor || text[digit - 1] != ' ')
        {
            return -1;
        }

        var start = digit - 1;
        while (start - 1 >= floor && digit - start <= MaxMonthName && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        return start < digit - 1 && MonthNameEnd(text, start) == digit - 1 && IsStart(text, start, floor) ? start : -1;
    }

    // "12, 1985" or "12 1985" after the month.
    private static int DayYearEnd(ReadOnlySpan<char> text, int index)
    {
        var dayLength = DigitRun(text, index, 3);
        if (dayLength is not (1 or 2) || Number(text, index, dayLength) is < 1 or > 31)
        {
            return -1;
        }

        var next = index + dayLength;
        if (next < text.Length && text[next] == ',')
        {
            next++;
        }

        return next < text.Length && text[next] == ' ' && DigitRun(text, next + 1, 5) == 4 ? next + 5 : -1;
    }

    // Where a month's name (or its abbreviation, with its dot) that starts at index ends, or -1.
    private static int MonthNameEnd(ReadOnlySpan<char> text, int index)
    {
        var end = index;
        while (end < text.Length && end - index <= MaxMonthName && char.IsLetter(text[end]))
        {
            end++;
        }

        var word = text[index..end];
        if (word.Length is < 3 or > 9 || !s_monthNames.Contains(word))
        {
            return -1;
        }

        return end < text.Length && text[end] == '.' && word.Length <= 4 ? end + 1 : end;
    }

    /// <summary>Whether a birth word stands before the date at <paramref name="start"/>, in the same field or clause.</summary>
    private static bool HasBirthContext(ReadOnlySpan<char> text, int start)
    {
        // Every birth word holds a b, an n or a d: most windows before a date (". ", "at ") hold none and need no search.
        var window = text[ClauseStart(text, start, BirthContextWindow)..start];
        return window.ContainsAny(s_birthWordLetters) && HasBirthWord(window);
    }

    private static bool HasBirthWord(ReadOnlySpan<char> window)
        => window.Contains("birth", StringComparison.OrdinalIgnoreCase) || window.Contains("naissance", StringComparison.OrdinalIgnoreCase)
            || HasWord(window, "born") || HasWord(window, "dob") || HasWord(window, "ddn") || HasWord(window, "né");

    /// <summary>
    /// Where the words that may qualify the value at <paramref name="index"/> begin, at most <paramref name="window"/>
    /// characters before it: the look back stops at a digit (another value owns what comes before it), a line break or
    /// a parameter separator.
    /// </summary>
    private static int ClauseStart(ReadOnlySpan<char> text, int index, int window)
    {
        var from = index;
        while (from > 0 && index - from < window && !char.IsAsciiDigit(text[from - 1]) && text[from - 1] is not ('\n' or '\r' or '&' or ';' or '|'))
        {
            from--;
        }

        return from;
    }

    // A word on its own or as a part of a camel-case name (patientDob), but not inside another word (adobe, bornes).
    // "né" also matches "née" and "né(e)".
    private static bool HasWord(ReadOnlySpan<char> window, string word)
    {
        var offset = 0;
        while (window[offset..].IndexOf(word, StringComparison.OrdinalIgnoreCase) is >= 0 and var found)
        {
            var at = offset + found;
            var after = at + word.Length;
            var before = at > 0 ? window[at - 1] : ' ';
            var next = after < window.Length ? window[after] : ' ';
            if ((!char.IsLetter(before) || char.IsUpper(window[at])) && (!char.IsLower(next) || (word == "né" && next == 'e' && (after + 1 == window.Length || !char.IsLetter(window[after + 1])))))
            {
                return true;
            }

            offset = at + 1;
        }

        return false;
    }

    private static bool IsDayMonth(int day, int month) => day is >= 1 and <= 31 && month is >= 1 and <= 12;

    // How many digits start at index, counting up to max.
    private static int DigitRun(ReadOnlySpan<char> text, int index, int max)
    {
        var end = index;
        while (end < text.Length && end - index < max && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end - index;
    }

    private static int Number(ReadOnlySpan<char> text, int index, int length)
    {
        var value = 0;
        for (var i = index; i < index + length; i++)
        {
            value = (value * 10) + Digit(text[i]);
        }

        return value;
    }
}
