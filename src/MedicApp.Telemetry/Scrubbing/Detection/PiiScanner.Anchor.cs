using System;
using System.Buffers;

namespace MedicApp.Telemetry;

internal static partial class PiiScanner
{
    // Secrets that start with a word rather than a trigger character: a provider's key prefix, a PEM block, a word
    // that announces an opaque token, with the space after it. Compared with their case, the words in the three ways
    // they are written: fewer candidates than a search without case, where "token" is in every CancellationToken.
    private static readonly SearchValues<string> s_anchors = SearchValues.Create(
        [
            "sk_live_", "rk_live_", "sk_test_", "rk_test_", "sk_prod_", "rk_prod_", "whsec_",
            "ghp_", "gho_", "ghs_", "ghu_", "ghr_", "github_pat_", "glpat-", "npm_",
            "xoxb-", "xoxa-", "xoxp-", "xoxr-", "xoxs-", "xapp-", "SG.", "AKIA", "ASIA", "AIza", "-----BEGIN",
            "token ", "Token ", "TOKEN ", "jeton ", "Jeton ", "JETON ", "secret ", "Secret ", "SECRET ",
            "apikey ", "ApiKey ", "APIKEY ", "api key ", "API key ", "API Key ", "code ", "Code ", "CODE ",
        ],
        StringComparison.Ordinal);

    /// <summary>
    /// The next anchor at or after <paramref name="position"/>, or <see cref="int.MaxValue"/>. The vectorized search
    /// runs ahead of the scan and its hit is kept until the scan passes it, so that it reads each character once.
    /// </summary>
    private static int NextAnchor(ReadOnlySpan<char> text, int position, ref ScanState state)
    {
        if (!state.AnchorSearched || state.NextAnchor < position)
        {
            var offset = text[position..].IndexOfAny(s_anchors);
            state.NextAnchor = offset < 0 ? int.MaxValue : position + offset;
            state.AnchorSearched = true;
        }

        return state.NextAnchor;
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
            't' or 'T' or 'j' or 'J' or 'a' or 'A' or 's' or 'S' or 'c' or 'C' when TryTokenAfterWord(text, anchor, out match) => true,
            _ => TryProviderKey(text, anchor, out match),
        };
    }
}
