using System;

namespace MedicApp.Telemetry;

internal static partial class PiiScanner
{
    // 0000:0000:0000:0000:0000:ffff:255.255.255.255
    private const int MaxIpV6Length = 45;

    /// <summary>An IPv4 address: four numbers 0-255 joined by dots, not part of a longer dotted number or a version.</summary>
    private static bool TryIpV4(ReadOnlySpan<char> text, int start, out PiiMatch match)
    {
        match = default;
        if ((start > 0 && text[start - 1] is 'v' or 'V' or '.') || !HasWithin(text, start, 4, '.') || FollowsVersionName(text, start))
        {
            return false;
        }

        var index = start;
        for (var part = 0; part < 4; part++)
        {
            if (part > 0)
            {
                if (index >= text.Length || text[index] != '.')
                {
                    return false;
                }

                index++;
            }

            var value = 0;
            var digits = 0;
            while (index < text.Length && digits < 3 && char.IsAsciiDigit(text[index]))
            {
                value = (value * 10) + Digit(text[index++]);
                digits++;
            }

            if (digits == 0 || value > 255)
            {
                return false;
            }
        }

        if (!IsEnd(text, index) || (index < text.Length && text[index] == '.' && index + 1 < text.Length && char.IsAsciiDigit(text[index + 1])))
        {
            return false;
        }

        match = new PiiMatch(start, index - start, PiiKind.IpAddress);
        return true;
    }

    // An assembly version has four numbers too: Version=10.0.0.0, "version": "8.0.0.0", version 4.0.0.0.
    private static bool FollowsVersionName(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end > 0 && start - end < 4 && text[end - 1] is '=' or ' ' or ':' or '"' or '\'')
        {
            end--;
        }

        return end < start && text[..end].EndsWith("version", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// An IPv6 address: hexadecimal groups joined by colons, eight of them or fewer around one <c>::</c>, possibly
    /// ending in IPv4. At least one digit is required, so that <c>Type::Member</c> in a stack trace stays.
    /// </summary>
    private static bool TryIpV6(ReadOnlySpan<char> text, int start, out PiiMatch match)
    {
        match = default;
        if (!HasWithin(text, start, 5, ':') || !HasIpV6Colons(text, start))
        {
            return false;
        }

        var index = start;
        var groups = 0;
        var compressed = false;
        var hasDigit = false;
        if (text[index..].StartsWith("::", StringComparison.Ordinal))
        {
            compressed = true;
            index += 2;
        }

        var end = index;
        while (groups < 8)
        {
            if (groups <= (compressed ? 5 : 6) && (groups > 0 || compressed) && TryIpV4(text, index, out var tail))
            {
                groups += 2;
                end = tail.End;
                hasDigit = true;
                break;
            }

            var digits = 0;
            while (index < text.Length && char.IsAsciiHexDigit(text[index]))
            {
                if (++digits > 4)
                {
                    return false;
                }

                hasDigit |= char.IsAsciiDigit(text[index]);
                index++;
            }

            if (digits == 0)
            {
                break;
            }

            groups++;
            end = index;
            if (text[index..].StartsWith("::", StringComparison.Ordinal) && !compressed)
            {
                compressed = true;
                index += 2;
                end = index;
            }
            else if (index + 1 < text.Length && text[index] == ':' && char.IsAsciiHexDigit(text[index + 1]))
            {
                index++;
            }
            else
            {
                break;
            }
        }

        var complete = compressed ? groups is >= 1 and <= 7 : groups == 8;
        // A colon may end a sentence's address (connect to 2001:db8::1: refused), not start another group.
        if (!hasDigit || !complete || !IsEnd(text, end) || (end + 1 < text.Length && text[end] == ':' && (char.IsAsciiHexDigit(text[end + 1]) || text[end + 1] == ':')))
        {
            return false;
        }

        match = new PiiMatch(start, end - start, PiiKind.IpAddress);
        return true;
    }

    // The start of the hexadecimal group that ends just before a colon.
    private static int GroupStart(ReadOnlySpan<char> text, int colon, int floor)
    {
        var start = colon;
        while (start - 1 >= floor && colon - start < 4 && char.IsAsciiHexDigit(text[start - 1]))
        {
            start--;
        }

        return start;
    }

    // A cheap first look: an address has its separator within the first few characters.
    private static bool HasWithin(ReadOnlySpan<char> text, int start, int count, char separator)
    {
        var end = Math.Min(text.Length, start + count);
        for (var i = start; i < end; i++)
        {
            if (text[i] == separator)
            {
                return true;
            }
        }

        return false;
    }

    // A second one: a "::", or six colons at least (eight groups, or six and an IPv4 tail). 09:14:03 has two.
    private static bool HasIpV6Colons(ReadOnlySpan<char> text, int start)
    {
        var end = Math.Min(text.Length, start + MaxIpV6Length);
        var colons = 0;
        for (var i = start; i < end && (char.IsAsciiHexDigit(text[i]) || text[i] is ':' or '.'); i++)
        {
            if (text[i] == ':' && (++colons == 6 || (i + 1 < end && text[i + 1] == ':')))
            {
                return true;
            }
        }

        return false;
    }
}
