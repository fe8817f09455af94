using System;

namespace MedicApp.Telemetry;

internal static partial class PiiScanner
{
    private const int MaxUriUser = 64;
    private const int MaxUriPassword = 128;

    /// <summary>
    /// The password of a URI's user information, <c>scheme://user:password@host</c> (gitleaks' URI credentials), read
    /// back from the <c>@</c>. The user and host stay, the password goes.
    /// </summary>
    private static bool TryUriCredential(ReadOnlySpan<char> text, int at, int floor, out PiiMatch match)
    {
        match = default;
        var password = at;
        while (password - 1 >= floor && at - password < MaxUriPassword && IsUserInfoChar(text[password - 1]))
        {
            password--;
        }

        if (password == at || password - 1 < floor || text[password - 1] != ':')
        {
            return false;
        }

        var colon = password - 1;
        var user = colon;
        while (user - 1 >= 0 && colon - user < MaxUriUser && IsUserInfoChar(text[user - 1]))
        {
            user--;
        }

        if (user < 3 || !text[(user - 3)..user].SequenceEqual("://") || user - 3 == 0 || !char.IsAsciiLetter(text[user - 4]))
        {
            return false;
        }

        match = new PiiMatch(password, at - password, PiiKind.Secret);
        return true;
    }

    // RFC 3986 user information: unreserved, percent-encoded and sub-delimiter characters, without the colon.
    private static bool IsUserInfoChar(char c)
        => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '%' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=';
}
