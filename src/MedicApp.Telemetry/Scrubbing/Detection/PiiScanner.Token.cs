using System;

namespace MedicApp.Telemetry;

internal static partial class PiiScanner
{
    // Shorter than this after "Bearer " is a word of a sentence, not a credential.
    private const int MinBearerCredential = 8;

    /// <summary>
    /// A JSON Web Token: three base64url segments joined by dots, the first one a JSON header (<c>eyJ</c>, that is
    /// <c>{"</c>). The last segment may be empty (an unsigned token).
    /// </summary>
    private static bool TryJwt(ReadOnlySpan<char> text, int start, int floor, ref ScanState state, out PiiMatch match)
    {
        match = default;
        if (start < floor || start < state.JwtFailedUntil || !text[start..].StartsWith("eyJ", StringComparison.Ordinal) || !IsStart(text, start, floor))
        {
            return false;
        }

        var header = SkipBase64Url(text, start);
        if (header - start < 10 || header >= text.Length || text[header] != '.')
        {
            state.JwtFailedUntil = header;
            return false;
        }

        var payload = SkipBase64Url(text, header + 1);
        if (payload == header + 1 || payload >= text.Length || text[payload] != '.')
        {
            state.JwtFailedUntil = payload;
            return false;
        }

        var end = SkipBase64Url(text, payload + 1);
        match = new PiiMatch(start, end - start, PiiKind.Token);
        return true;
    }

    /// <summary>The credential after <c>Bearer</c> (any case), whatever its format; the scheme name stays.</summary>
    private static bool TryBearer(ReadOnlySpan<char> text, int start, int floor, out PiiMatch match)
    {
        match = default;
        if (!text[start..].StartsWith("bearer", StringComparison.OrdinalIgnoreCase) || !IsStart(text, start, floor))
        {
            return false;
        }

        var index = start + "bearer".Length;
        var spaces = index;
        while (index < text.Length && text[index] == ' ')
        {
            index++;
        }

        var credential = index;
        if (credential == spaces)
        {
            return false;
        }

        index = SkipCredential(text, index);
        if (index - credential < MinBearerCredential)
        {
            return false;
        }

        match = new PiiMatch(credential, index - credential, PiiKind.Token);
        return true;
    }

    private static int SkipBase64Url(ReadOnlySpan<char> text, int index)
    {
        while (index < text.Length && (char.IsAsciiLetterOrDigit(text[index]) || text[index] is '-' or '_'))
        {
            index++;
        }

        return index;
    }

    // RFC 6750 b64token: letters, digits and -._~+/ then = padding.
    private static int SkipCredential(ReadOnlySpan<char> text, int index)
    {
        while (index < text.Length && (char.IsAsciiLetterOrDigit(text[index]) || text[index] is '-' or '.' or '_' or '~' or '+' or '/'))
        {
            index++;
        }

        while (index < text.Length && text[index] == '=')
        {
            index++;
        }

        return index;
    }
}
