using System;
using System.Buffers;
using System.Runtime.CompilerServices;

namespace MedicApp.Telemetry;

/// <summary>
/// Finds personal values in one left-to-right pass. Every kind of value holds a trigger character (a digit,
/// <c>@</c>, <c>%</c>, <c>=</c>, <c>:</c>, the <c>J</c> of <c>eyJ</c>) or starts with an anchor word (a provider's key
/// prefix, <c>-----BEGIN</c>, <c>token</c>, <c>Bearer</c>); vectorized searches skip everything else. At a trigger,
/// each detector reads at most a bounded number of characters around it, or records how far a failed read went so
/// that no character is read again by the same detector: the scan is linear in the length of the text whatever it
/// holds.
/// </summary>
[SkipLocalsInit]
internal static partial class PiiScanner
{
    private const int NearTriggerWindow = 8;

    internal const string Triggers = "0123456789@%=:J";

    private static readonly SearchValues<char> s_triggers = SearchValues.Create(Triggers);

    /// <summary>Finds the first personal value that starts at or after <paramref name="floor"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="floor">Where the search starts; no value may begin before it (the end of the previous one).</param>
    /// <param name="state">What failed reads already covered; start with <c>default</c> for a text.</param>
    /// <param name="match">The value found.</param>
    /// <returns>Whether a value was found.</returns>
    public static bool TryFindNext(ReadOnlySpan<char> text, int floor, ref ScanState state, out PiiMatch match)
    {
        var position = floor;
        while (position < text.Length)
        {
            // Triggers are looked for only up to the next anchor, so that text is not searched again past it.
            var anchor = NextAnchor(text, position, ref state);
            var trigger = NextTrigger(anchor < text.Length ? text[..anchor] : text, position);
            if (trigger < 0 && anchor < text.Length)
            {
                if (TryMatchAnchor(text, anchor, floor, out match))
                {
                    return true;
                }

                position = anchor + 1;
                continue;
            }

            if (trigger < 0)
            {
                break;
            }

            if (char.IsAsciiDigit(text[trigger]) && (trigger == 0 || text[trigger - 1] != '+') && DateTimeEnd(text, trigger) is > 0 and var end)
            {
                if (TryIsoBirthDate(text, trigger, end, out match))
                {
                    return true;
                }

                position = end;
                continue;
            }

            if (TryMatchAt(text, trigger, floor, ref state, out match))
            {
                return true;
            }

            position = char.IsAsciiDigit(text[trigger]) ? SkipJoinedWords(text, trigger) : trigger + 1;
        }

        match = default;
        return false;
    }

    // Triggers come a few characters apart in logs: those are looked at one by one, the vectorized search costing more
    // to set up than they do; it takes over for longer stretches. Both find the characters of Triggers.
    private static int NextTrigger(ReadOnlySpan<char> text, int position)
    {
        var near = Math.Min(text.Length, position + NearTriggerWindow);
        for (var i = position; i < near; i++)
        {
            if (IsTrigger(text[i]))
            {
                return i;
            }
        }

        var offset = near < text.Length ? text[near..].IndexOfAny(s_triggers) : -1;
        return offset < 0 ? -1 : near + offset;
    }

    private static bool TryMatchAt(ReadOnlySpan<char> text, int trigger, int floor, ref ScanState state, out PiiMatch match)
    {
        switch (text[trigger])
        {
            case '@':
                return TryUriCredential(text, trigger, floor, out match) || TryEmail(text, trigger, 1, floor, out match);
            case '%':
                return TryEncodedAt(text, trigger, floor, out match);
            case '=':
                return TrySecret(text, trigger, floor, out match);
            case ':':
                // An address whose first group starts with a digit was tried at that digit (09:14:03 was, too).
                var group = GroupStart(text, trigger, floor);
                return TrySecret(text, trigger, floor, out match)
                    || ((group == trigger || !char.IsAsciiDigit(text[group])) && IsStart(text, group, floor) && TryIpV6(text, group, out match));
            case 'J':
                return TryJwt(text, trigger - 2, floor, ref state, out match) || TryDataProtectionPayload(text, trigger - 3, floor, out match);
            default:
                return TryNumberAt(text, trigger, floor, out match);
        }
    }

    // In a URL: an email around %40, a number after an encoded space (%20), an international number after %2B.
    private static bool TryEncodedAt(ReadOnlySpan<char> text, int percent, int floor, out PiiMatch match)
    {
        match = default;
        var code = text[(percent + 1)..];
        if (code.StartsWith("40", StringComparison.Ordinal))
        {
            return TryEmail(text, percent, 3, floor, out match);
        }

        var next = percent + 3;
        if (next >= text.Length || !char.IsAsciiDigit(text[next]))
        {
            return false;
        }

        return code.StartsWith("20", StringComparison.Ordinal) ? TryNumberAt(text, next, next, out match)
            : code.StartsWith("2B", StringComparison.OrdinalIgnoreCase) && TryInternationalPhone(text, percent, 3, floor, out match);
    }

    /// <summary>
    /// The length of the separator between two groups of digits at <paramref name="index"/>, 0 when there is none, and
    /// its kind: a space, a dot or a dash; in a URL, a space is written <c>%20</c> or <c>+</c>.
    /// </summary>
    private static int SeparatorAt(ReadOnlySpan<char> text, int index, out char kind)
    {
        kind = index < text.Length ? text[index] : '\0';
        switch (kind)
        {
            case ' ' or '.' or '-':
                return 1;
            case '+':
                kind = ' ';
                return 1;
            case '%' when text[(index + 1)..].StartsWith("20", StringComparison.Ordinal):
                kind = ' ';
                return 3;
            default:
                return 0;
        }
    }

    // A digit: the value may start on it, or just before it (+33…, an IBAN's country, an IPv6 group such as fe80).
    private static bool TryNumberAt(ReadOnlySpan<char> text, int digit, int floor, out PiiMatch match)
    {
        if (digit - 1 >= floor && text[digit - 1] == '+')
        {
            return TryInternationalPhone(text, digit - 1, 1, floor, out match);
        }

        var start = digit;
        while (start - 1 >= floor && digit - start < 4 && char.IsAsciiLetter(text[start - 1]))
        {
            start--;
        }

        if (!IsStart(text, start, floor))
        {
            match = default;
            return false;
        }

        if (start == digit)
        {
            return TryNumberStartingAt(text, digit, floor, out match);
        }

        return (digit - start == 2 && TryIban(text, start, out match)) || TryIpV6(text, start, out match);
    }

    // What follows the first digits tells which detectors can match: most numbers of a log (times, durations,
    // statuses) are ruled out by one look at the character after them.
    private static bool TryNumberStartingAt(ReadOnlySpan<char> text, int digit, int floor, out PiiMatch match)
    {
        var run = digit;
        while (run < text.Length && run - digit < 10 && char.IsAsciiDigit(text[run]))
        {
            run++;
        }

        var digits = run - digit;
        var next = run < text.Length ? text[run] : '\0';
        if ((digits == 10 || (next is ' ' or '.' or '-' or '+' or '%' or 'A' or 'a' or 'B' or 'b' && HoldsTenDigits(text, run, digits)))
            && (TryNir(text, digit, out match) || TryCard(text, digit, out match) || TryPhone(text, digit, out match)))
        {
            return true;
        }

        if (digits == 2 && next == '/' && TrySlashedPhone(text, digit, out match))
        {
            return true;
        }

        if (digits <= 3 && next == '.' && TryIpV4(text, digit, out match))
        {
            return true;
        }

        if (((digits <= 2 && next is '/' or '.' or '-' or ' ' or ',' or 'e') || (digits == 4 && next is '/' or '.') || (digits == 8 && !char.IsAsciiDigit(next)))
            && TryBirthDate(text, digit, floor, out match))
        {
            return true;
        }

        if (digits is >= 4 and <= 8 && !IsWordChar(next) && TryOneTimeCode(text, digit, digits, out match))
        {
            return true;
        }

        match = default;
        return digits <= 4 && (next == ':' || char.IsAsciiHexDigit(next)) && TryIpV6(text, digit, out match);
    }

    /// <summary>
    /// Whether a number of which <paramref name="digits"/> digits were read before <paramref name="index"/> reaches ten
    /// digits, across the separators numbers are written with: the fewest a phone number, a NIR or a card holds. Most numbers of a log (times, durations, statuses, GUID groups) stop well before.
    /// </summary>
    private static bool HoldsTenDigits(ReadOnlySpan<char> text, int index, int digits)
    {
        while (index < text.Length)
        {
            // The A or B of a Corsican NIR (2A, 2B) stands where its seventh digit would.
            if (char.IsAsciiDigit(text[index]) || (digits == 6 && text[index] is 'A' or 'a' or 'B' or 'b'))
            {
                if (++digits == 10)
                {
                    return true;
                }

                index++;
            }
            else if (SeparatorAt(text, index, out _) is > 0 and var length)
            {
                index += length;
            }
            else
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a value may begin at <paramref name="index"/>: nothing of a word or number right before it. A dash after
    /// a letter or digit joins a token (the last group of a GUID, CMD-2024-000123); a dot or comma after a digit, a
    /// number.
    /// </summary>
    private static bool IsStart(ReadOnlySpan<char> text, int index, int floor)
    {
        if (index <= floor)
        {
            return true;
        }

        var previous = text[index - 1];
        if (IsWordChar(previous))
        {
            return false;
        }

        var before = index - 2 >= floor ? text[index - 2] : '\0';
        return !((previous == '-' && char.IsAsciiLetterOrDigit(before)) || (previous is '.' or ',' && char.IsAsciiDigit(before)));
    }

    /// <summary>Whether a value that ends before <paramref name="end"/> stands alone: the text does not go on with it.</summary>
    /// <remarks>
    /// A dash before a letter or digit continues a token (a GUID, CMD-2024-000123); a dot or comma before a digit
    /// continues a number. A slash does not: it ends a path segment, and a value in a URL path is usually followed by
    /// another one (<c>/patients/0698765432/medical-file</c>).
    /// </remarks>
    private static bool IsEnd(ReadOnlySpan<char> text, int end)
    {
        if (end >= text.Length)
        {
            return true;
        }

        var next = text[end];
        if (IsWordChar(next) || next == '@')
        {
            return false;
        }

        var after = end + 1 < text.Length ? text[end + 1] : '\0';
        return !((next == '-' && char.IsAsciiLetterOrDigit(after)) || (next is '.' or ',' && char.IsAsciiDigit(after)));
    }

    internal static bool IsTrigger(char c) => c < 128 && AsciiTriggers[c] != 0;

    // A table for ASCII: words are most of what the scan skips, and the table costs one load per character.
    internal static bool IsWordChar(char c) => c < 128 ? AsciiWordChars[c] != 0 : char.IsLetterOrDigit(c);

    // The triggers as a table, for the characters looked at one by one: 0-9 @ % = : J.
    private static ReadOnlySpan<byte> AsciiTriggers =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0,
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    // Letters, digits and '_'.
    private static ReadOnlySpan<byte> AsciiWordChars =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ];

    private static int SkipWord(ReadOnlySpan<char> text, int index)
    {
        while (index < text.Length && IsWordChar(text[index]))
        {
            index++;
        }

        return index;
    }

    // After a number, the words joined to it (2026-11-24, 03.221, CMD-2024-000123) cannot start a value: see IsStart.
    private static int SkipJoinedWords(ReadOnlySpan<char> text, int index)
    {
        index = SkipWord(text, index);
        while (index + 1 < text.Length && char.IsAsciiLetterOrDigit(text[index + 1])
            && (text[index] == '-' || (text[index] is '.' or ',' && char.IsAsciiDigit(text[index - 1]))))
        {
            index = SkipWord(text, index + 1);
        }

        return index;
    }

    private static int Digit(char c) => c - '0';

    /// <summary>What the failed reads of unbounded detectors covered, so that the scan never reads it again.</summary>
    internal struct ScanState
    {
        /// <summary>A token candidate starting before this index runs into the same failed read.</summary>
        public int JwtFailedUntil;

        /// <summary>Where the next key prefix is (<see cref="int.MaxValue"/> when none is left), once searched.</summary>
        public int NextKeyPrefix;

        /// <summary>Where the next word announcing a token is (<see cref="int.MaxValue"/> when none is left), once searched.</summary>
        public int NextTokenWord;

        /// <summary>Whether the anchors were searched.</summary>
        public bool AnchorsSearched;
    }
}
