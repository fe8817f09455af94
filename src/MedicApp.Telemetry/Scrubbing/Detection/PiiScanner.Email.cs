using System;

namespace MedicApp.Telemetry;

internal static partial class PiiScanner
{
    // RFC 5321 limits: a longer local part or domain is not an address, and the limits keep each read bounded.
    private const int MaxLocalPart = 64;
    private const int MaxDomain = 253;

    /// <summary>An address around the <c>@</c> (or <c>%40</c>) at <paramref name="at"/>.</summary>
    private static bool TryEmail(ReadOnlySpan<char> text, int at, int atLength, int floor, out PiiMatch match)
    {
        match = default;
        var start = at;
        while (start - 1 >= floor && at - start < MaxLocalPart && IsLocalPartChar(text[start - 1]))
        {
            start--;
        }

        while (start < at && text[start] == '.')
        {
            start++;
        }

        if (start == at)
        {
            return false;
        }

        var domainStart = at + atLength;
        var end = domainStart;
        while (end < text.Length && end - domainStart < MaxDomain && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '-' or '.' || (text[end] > '\u007f' && char.IsLetterOrDigit(text[end]))))
        {
            if (text[end] == '.' && (end == domainStart || text[end - 1] == '.'))
            {
                break;
            }

            end++;
        }

        // A sentence may end right after the address.
        while (end > domainStart && text[end - 1] is '.' or '-')
        {
            end--;
        }

        var lastDot = text[domainStart..end].LastIndexOf('.');
        if (lastDot <= 0 || !IsTopLevelDomain(text[(domainStart + lastDot + 1)..end]) || end - (domainStart + lastDot + 1) < 2)
        {
            return false;
        }

        match = new PiiMatch(start, end - start, PiiKind.Email);
        return true;
    }

    private static bool IsLocalPartChar(char c)
        => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-' or '\'' || (c > '\u007f' && char.IsLetterOrDigit(c));

    private static bool IsTopLevelDomain(ReadOnlySpan<char> label)
    {
        if (label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var c in label)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
