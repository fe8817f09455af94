using System;
using System.Buffers;

namespace MedicApp.Telemetry;

internal static partial class PiiScanner
{
    // Secrets that start with a word rather than a trigger character: a provider's key prefix or a PEM block, and a
    // word that announces an opaque token or an authorization scheme, with the space after it. The words are compared with their case, in the
    // three ways they are written. Two searches: one vectorized search for all of them puts so many needles in each
    // bucket of its first-characters filter that most of a log passes it, and costs several times the two.
    private static readonly SearchValues<string> s_keyPrefixes = SearchValues.Create(
        [
            "sk_live_", "rk_live_", "sk_test_", "rk_test_", "sk_prod_", "rk_prod_", "whsec_",
            "ghp_", "gho_", "ghs_", "ghu_", "ghr_", "github_pat_", "glpat-", "npm_",
            "xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-", "xapp-", "SG.", "AKIA", "ASIA", "AIza", "-----BEGIN",
        ],
        StringComparison.Ordinal);

    private static readonly SearchValues<string> s_tokenWords = SearchValues.Create(
        [
            "bearer ", "Bearer ", "BEARER ", "token ", "Token ", "TOKEN ", "jeton ", "Jeton ", "JETON ", "secret ", "Secret ", "SECRET ",
            "apikey ", "ApiKey ", "APIKEY ", "api key ", "API key ", "API Key ", "code ", "Code ", "CODE ",
        ],
        StringComparison.Ordinal);

    /// <summary>
    /// The next anchor at or after <paramref name="position"/>, or <see cref="int.MaxValue"/>. Each vectorized search
    /// runs ahead of the scan and its hit is kept until the scan passes it, so that it reads each character once.
    /// </summary>
    private static int NextAnchor(ReadOnlySpan<char> text, int position, ref ScanState state)
    {
        if (!state.AnchorsSearched || state.NextKeyPrefix < position)
        {
            state.NextKeyPrefix = Next(text, position, s_keyPrefixes);
        }

        if (!state.AnchorsSearched || state.NextTokenWord < position)
        {
            state.NextTokenWord = Next(text, position, s_tokenWords);
        }

        state.AnchorsSearched = true;
        return Math.Min(state.NextKeyPrefix, state.NextTokenWord);

        static int Next(ReadOnlySpan<char> text, int position, SearchValues<string> anchors)
            => text[position..].IndexOfAny(anchors) is >= 0 and var offset ? position + offset : int.MaxValue;
    }

    private static bool TryMatchAnchor(ReadOnlySpan<char> text, int anchor, int floor, out PiiMatch match)
    {
        match = default;
        if (!IsStart(text, anchor, floor))
        {
            return false;
        }

        return text[anchor] switch
        {
            '-' => TryPrivateKey(text, anchor, out match),
            'b' or 'B' => TryBearer(text, anchor, floor, out match),
            't' or 'T' or 'j' or 'J' or 'a' or 'A' or 's' or 'S' or 'c' or 'C' when TryTokenAfterWord(text, anchor, out match) => true,
            _ => TryProviderKey(text, anchor, out match),
        };
    }
}
