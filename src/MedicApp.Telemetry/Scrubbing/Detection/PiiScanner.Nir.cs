using System;

namespace MedicApp.Telemetry;

internal static partial class PiiScanner
{
    private const int NirLength = 15;

    /// <summary>
    /// A NIR: sex, year, month, department (2A/2B in Corsica), commune, order, then the key that makes it one:
    /// 97 minus the 13-digit number mod 97. Digits may be grouped by spaces, dots or dashes.
    /// </summary>
    private static bool TryNir(ReadOnlySpan<char> text, int start, out PiiMatch match)
    {
        match = default;
        if (text[start] is not ('1' or '2' or '3' or '4' or '7' or '8') || start + NirLength > text.Length)
        {
            return false;
        }

        Span<char> chars = stackalloc char[NirLength];
        var count = 0;
        var index = start;
        var separator = '\0';
        while (index < text.Length && count < NirLength)
        {
            var c = text[index];
            if (char.IsAsciiDigit(c) || (count == 6 && chars[5] == '2' && c is 'A' or 'a' or 'B' or 'b'))
            {
                chars[count++] = char.ToUpperInvariant(c);
                index++;
            }
            else if (count == 13 && KeySeparatorEnd(text, index) is > 0 and var keyStart)
            {
                index = keyStart;
            }
            else if (IsNirGroupEnd(count) && SeparatorAt(text, index, out var kind) is > 0 and var length && (separator == '\0' || separator == kind)
                && index + length < text.Length && char.IsAsciiLetterOrDigit(text[index + length]))
            {
                separator = kind;
                index += length;
            }
            else
            {
                break;
            }
        }

        // A key in brackets takes its closing one.
        if (count == NirLength && text[index - 3] == '(' && index < text.Length && text[index] == ')')
        {
            index++;
        }

        if (count != NirLength || !IsEnd(text, index) || chars[0] is not ('1' or '2' or '3' or '4' or '7' or '8'))
        {
            return false;
        }

        var month = (Digit(chars[3]) * 10) + Digit(chars[4]);
        if (month is 0 or (> 12 and < 20) or (> 20 and < 30) or (> 42 and < 50))
        {
            return false;
        }

        if (!Checksums.IsNirKey(chars))
        {
            return false;
        }

        match = new PiiMatch(start, index - start, PiiKind.Nir);
        return true;
    }

    // The key is often set apart from the number: "084 - 36", "084 / 36", "084 clé 36", "084 (36)". Returns where the
    // key starts, or 0 when what follows is not one of these.
    private static int KeySeparatorEnd(ReadOnlySpan<char> text, int index)
    {
        var start = index;
        index = SkipSpaces(text, index);
        if (index < text.Length && text[index] is '-' or '/')
        {
            index = SkipSpaces(text, index + 1);
        }
        else if (StartsWithWord(text, index, "clé") || StartsWithWord(text, index, "cle") || StartsWithWord(text, index, "key"))
        {
            index = SkipSpaces(text, index + 3);
            if (index < text.Length && text[index] == ':')
            {
                index = SkipSpaces(text, index + 1);
            }
        }
        else if (index < text.Length && text[index] == '(' && index + 3 < text.Length && text[index + 3] == ')')
        {
            index++;
        }

        return index - start >= 2 && index + 1 < text.Length && char.IsAsciiDigit(text[index]) && char.IsAsciiDigit(text[index + 1]) ? index : 0;
    }

    private static int SkipSpaces(ReadOnlySpan<char> text, int index)
    {
        for (var spaces = 0; index < text.Length && text[index] == ' ' && spaces < 3; spaces++)
        {
            index++;
        }

        return index;
    }

    private static bool StartsWithWord(ReadOnlySpan<char> text, int index, string word)
        => text[index..].StartsWith(word, StringComparison.OrdinalIgnoreCase);

    // Where a written NIR may be cut: 1 85 05 78 006 084 91, and 1 85 05 971 12 084 91 overseas.
    private static bool IsNirGroupEnd(int count) => count is 1 or 3 or 5 or 7 or 8 or 10 or 13;
}
