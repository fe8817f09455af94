using System;
using System.Collections.Frozen;

namespace MedicApp.Telemetry;

internal static partial class PiiScanner
{
    private const int MaxKeyLength = 40;

    // Names compared lower-case without '_', '-' and '.': access_token, Access-Token and accessToken are one name.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_secretNames = FrozenSet.Create(
        StringComparer.Ordinal,
        "password", "passwd", "pwd", "pass", "passphrase", "secret", "token", "code", "otp", "totp", "pin", "key",
        "apikey", "signature", "sig", "sas", "auth", "authorization", "credential", "credentials", "session",
        "sessionid", "jsessionid", "phpsessid", "sid", "cookie", "setcookie", "mfacode", "verificationcode",
        "privatekey", "clientsecret", "assertion", "accountkey", "sharedaccesskey", "sharedaccesssignature", "accesskey",
        "secretkey", "subscriptionkey", "masterkey").GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] s_secretSuffixes =
        ["token", "secret", "password", "apikey", "privatekey", "sessionid", "session", "cookie", "accesskey", "secretkey", "accountkey"];

    // Parts of names that may hold a credential or something else (partitionKey, authorId): their value counts only
    // when it looks generated, as gitleaks' generic-api-key rule has it.
    private static readonly string[] s_credentialNameParts = ["key", "token", "secret", "passw", "cred", "auth", "signature"];

    private static readonly string[] s_authorizationSchemes = ["bearer", "basic", "digest", "negotiate", "ntlm", "token", "sharedkey"];

    /// <summary>
    /// The value of a secret-named parameter: <c>password=…</c> in a query string or a log, <c>"token": "…"</c> in
    /// JSON, <c>Authorization: Basic …</c> in a header. The name stays so the text keeps its meaning.
    /// </summary>
    private static bool TrySecret(ReadOnlySpan<char> text, int separator, int floor, out PiiMatch match)
    {
        match = default;
        var keyEnd = separator;
        while (keyEnd - 1 >= floor && text[keyEnd - 1] == ' ' && separator - keyEnd < 2)
        {
            keyEnd--;
        }

        var quoted = keyEnd - 1 >= floor && text[keyEnd - 1] is '"' or '\'';
        if (quoted)
        {
            keyEnd--;
        }

        // Every secret name ends with a letter: "09:14" or "p0=" are not worth a lookup.
        if (keyEnd - 1 < floor || !char.IsAsciiLetter(text[keyEnd - 1]))
        {
            return false;
        }

        var keyStart = keyEnd;
        while (keyStart - 1 >= floor && keyEnd - keyStart < MaxKeyLength && (char.IsAsciiLetterOrDigit(text[keyStart - 1]) || text[keyStart - 1] is '_' or '-' or '.'))
        {
            keyStart--;
        }

        if (keyStart == keyEnd || (keyStart - 1 >= floor && (IsWordChar(text[keyStart - 1]) || text[keyStart - 1] is '-' or '.')))
        {
            return false;
        }

        Span<char> name = stackalloc char[MaxKeyLength];
        var length = 0;
        foreach (var c in text[keyStart..keyEnd])
        {
            if (c is not ('_' or '-' or '.'))
            {
                name[length++] = char.ToLowerInvariant(c);
            }
        }

        var valueStart = separator + 1;
        while (valueStart < text.Length && text[valueStart] == ' ')
        {
            valueStart++;
        }

        if (!IsSecretName(name[..length]))
        {
            return TryCredentialValue(text, valueStart, name[..length], out match);
        }

        int valueEnd;
        if (valueStart < text.Length && text[valueStart] is '"' or '\'')
        {
            var quote = text[valueStart++];
            valueEnd = valueStart;
            while (valueEnd < text.Length && text[valueEnd] != quote && text[valueEnd] is not ('\r' or '\n'))
            {
                valueEnd += text[valueEnd] == '\\' && valueEnd + 1 < text.Length ? 2 : 1;
            }

            valueEnd = Math.Min(valueEnd, text.Length);
        }
        else
        {
            valueEnd = SkipValue(text, valueStart);
            if (IsAuthorizationScheme(text[valueStart..valueEnd]) && valueEnd + 1 < text.Length && text[valueEnd] == ' ')
            {
                // Authorization: Basic dXNlcjpwYXNz keeps its scheme, loses its credential.
                valueStart = valueEnd + 1;
                valueEnd = SkipValue(text, valueStart);
            }
        }

        if (valueEnd == valueStart)
        {
            return false;
        }

        match = new PiiMatch(valueStart, valueEnd - valueStart, PiiKind.Secret);
        return true;
    }

    /// <summary>
    /// The value of a parameter whose name may or may not hold a credential (partitionKey, authorId): only a value that
    /// looks generated counts, as in gitleaks' generic-api-key rule. The value is read over a token's alphabet and at
    /// most <see cref="MaxOpaqueToken"/> characters, so that a failed read stays short; most colons of a log
    /// ("Exception: The…") are ruled out by the value's length before the name's parts are searched.
    /// </summary>
    private static bool TryCredentialValue(ReadOnlySpan<char> text, int valueStart, ReadOnlySpan<char> name, out PiiMatch match)
    {
        match = default;
        var quote = valueStart < text.Length && text[valueStart] is '"' or '\'' ? text[valueStart++] : '\0';
        var valueEnd = valueStart;
        while (valueEnd < text.Length && valueEnd - valueStart <= MaxOpaqueToken
            && (char.IsAsciiLetterOrDigit(text[valueEnd]) || text[valueEnd] is '+' or '/' or '_' or '.' or '~' or '-'))
        {
            valueEnd++;
        }

        // Base64 padding ends the value: a=b=a=b… is read one pair at a time.
        while (valueEnd < text.Length && valueEnd - valueStart <= MaxOpaqueToken && text[valueEnd] == '=')
        {
            valueEnd++;
        }

        var value = text[valueStart..valueEnd];
        if (value.Length > MaxOpaqueToken || (quote != '\0' && (valueEnd >= text.Length || text[valueEnd] != quote))
            || !IsCredentialShaped(value) || IsGuid(value) || !HasCredentialNamePart(name))
        {
            return false;
        }

        match = new PiiMatch(valueStart, value.Length, PiiKind.Secret);
        return true;
    }

    private static bool IsSecretName(ReadOnlySpan<char> name)
    {
        // The public key token of an assembly name is a hash of a public key.
        if (name.EndsWith("publickeytoken", StringComparison.Ordinal))
        {
            return false;
        }

        if (s_secretNames.Contains(name))
        {
            return true;
        }

        // .AspNetCore.Cookies, the authentication cookie; "cookies:" alone heads a list of named cookies.
        if (name.Length > "cookies".Length && name.EndsWith("cookies", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var suffix in s_secretSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasCredentialNamePart(ReadOnlySpan<char> name)
    {
        if (name.EndsWith("publickeytoken", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var part in s_credentialNameParts)
        {
            if (name.Contains(part, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // 8-4-4-4-12 hexadecimal digits: an identifier (an idempotency key, a correlation id), not a credential.
    private static bool IsGuid(ReadOnlySpan<char> value)
    {
        if (value.Length != 36)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (i is 8 or 13 or 18 or 23 ? value[i] != '-' : !char.IsAsciiHexDigit(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAuthorizationScheme(ReadOnlySpan<char> word)
    {
        foreach (var scheme in s_authorizationSchemes)
        {
            if (word.Equals(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A value in a query string, a header or a log: up to the next delimiter.
    private static int SkipValue(ReadOnlySpan<char> text, int index)
    {
        while (index < text.Length && text[index] is not (' ' or '\t' or '\r' or '\n' or '&' or '#' or '"' or '\'' or ',' or ';' or '}' or ')' or ']' or '<' or '>'))
        {
            index++;
        }

        return index;
    }
}
