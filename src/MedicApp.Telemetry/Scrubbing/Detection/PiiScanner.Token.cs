using System;

namespace MedicApp.Telemetry;

internal static partial class PiiScanner
{
    // Shorter than this after "Bearer " is a word of a sentence, not a credential.
    private const int MinBearerCredential = 8;

    // A magic header and a key id alone already take 27 characters: a shorter "CfDJ8…" is a word.
    private const int MinDataProtectionPayload = 40;

    // Longer than this after "token" is not one credential; the bound keeps each read short.
    private const int MaxOpaqueToken = 512;

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

    /// <summary>
    /// An ASP.NET Core Data Protection payload, whatever surrounds it: its base64url starts with <c>CfDJ8</c>, the magic
    /// header 09 F0 C9 F0, then the key id and the ciphertext. ASP.NET Core's bearer and refresh tokens, protected cookies
    /// and antiforgery tokens are such payloads.
    /// </summary>
    private static bool TryDataProtectionPayload(ReadOnlySpan<char> text, int start, int floor, out PiiMatch match)
    {
        match = default;
        if (start < floor || !text[start..].StartsWith("CfDJ8", StringComparison.Ordinal) || !IsStart(text, start, floor))
        {
            return false;
        }

        var end = SkipBase64Url(text, start);
        if (end - start < MinDataProtectionPayload)
        {
            return false;
        }

        match = new PiiMatch(start, end - start, PiiKind.Token);
        return true;
    }

    /// <summary>The credential after <c>Bearer</c>, <c>bearer</c> or <c>BEARER</c>, whatever its format; the scheme name stays.</summary>
    private static bool TryBearer(ReadOnlySpan<char> text, int start, int floor, out PiiMatch match)
    {
        match = default;
        if (!IsStart(text, start, floor))
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

    /// <summary>
    /// An opaque credential right after a word that announces one, with a space and no <c>=</c> or <c>:</c> (those are
    /// secret-named parameters), maybe after a verb: <c>invalid token 8f14e45f…</c>, <c>jeton 3q2+7w…</c>,
    /// <c>api key AbC…</c>, <c>votre code est 8f3k…</c>. Only a
    /// value shaped like a credential counts, so that <c>token expired</c> stays.
    /// </summary>
    private static bool TryTokenAfterWord(ReadOnlySpan<char> text, int start, out PiiMatch match)
    {
        match = default;
        var word = AnnouncingWordLength(text[start..]);
        if (word == 0)
        {
            return false;
        }

        var index = start + word;
        if (index < text.Length && text[index] is 's' or 'S')
        {
            index++;
        }

        var spaces = index;
        while (index < text.Length && index - spaces < 3 && text[index] == ' ')
        {
            index++;
        }

        if (index == spaces)
        {
            return false;
        }

        // "votre jeton est 8f3k…", "your code is 8f3k…": the verb between the word and its value changes nothing.
        index = SkipLinkingWord(text, index);
        var end = SkipCredential(text[..Math.Min(text.Length, index + MaxOpaqueToken + 1)], index);
        while (end > index && text[end - 1] == '.')
        {
            end--;
        }

        if (end - index > MaxOpaqueToken || !IsCredentialShaped(text[index..end]) || !IsEnd(text, end))
        {
            return false;
        }

        match = new PiiMatch(index, end - index, PiiKind.Token);
        return true;
    }

    private static int SkipLinkingWord(ReadOnlySpan<char> text, int index)
    {
        foreach (var word in (ReadOnlySpan<string>)["est ", "is ", "was ", "était ", "vaut "])
        {
            if (text[index..].StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                var value = index + word.Length;
                while (value < text.Length && value - index - word.Length < 2 && text[value] == ' ')
                {
                    value++;
                }

                return value;
            }
        }

        return index;
    }

    private static int AnnouncingWordLength(ReadOnlySpan<char> rest)
    {
        foreach (var word in (ReadOnlySpan<string>)["token", "jeton", "secret", "apikey", "api key", "code"])
        {
            if (rest.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return word.Length;
            }
        }

        return 0;
    }

    /// <summary>
    /// Whether a value looks like a generated credential rather than a word or a number: at least 16 characters of a
    /// token's alphabet, with letters and digits, and either both cases, or 32 characters and more (a hexadecimal key), or base64 padding.
    /// </summary>
    private static bool IsCredentialShaped(ReadOnlySpan<char> value)
    {
        if (value.Length < 16)
        {
            return false;
        }

        bool lower = false, upper = false, digit = false;
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '/' or '=' or '_' or '.' or '~' or '-'))
            {
                return false;
            }

            lower |= char.IsAsciiLetterLower(c);
            upper |= char.IsAsciiLetterUpper(c);
            digit |= char.IsAsciiDigit(c);
        }

        return digit && (lower || upper) && ((lower && upper) || value.Length >= 32 || value[^1] == '=');
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
