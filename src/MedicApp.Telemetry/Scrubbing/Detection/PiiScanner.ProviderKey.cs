using System;

namespace MedicApp.Telemetry;

internal static partial class PiiScanner
{
    private const int MaxProviderKeyLength = 255;

    /// <summary>
    /// A key whose provider gives it a prefix, found wherever it stands (gitleaks' rules): Stripe <c>sk_live_</c>,
    /// GitHub <c>ghp_</c> and <c>github_pat_</c>, GitLab <c>glpat-</c>, npm <c>npm_</c>, Slack <c>xoxb-</c>, SendGrid
    /// <c>SG.</c>, AWS <c>AKIA</c>, Google <c>AIza</c>. The prefix alone is not enough: the body has the provider's
    /// alphabet and at least its shortest length.
    /// </summary>
    private static bool TryProviderKey(ReadOnlySpan<char> text, int start, out PiiMatch match)
    {
        match = default;
        var rest = text[start..];
        int end;
        if (rest.StartsWith("SG.", StringComparison.Ordinal))
        {
            // SG.<22>.<43>
            var id = SkipBase64Url(text, start + 3);
            if (id - start - 3 < 16 || id >= text.Length || text[id] != '.')
            {
                return false;
            }

            end = SkipBase64Url(text, id + 1);
            if (end - id - 1 < 16)
            {
                return false;
            }
        }
        else if (rest.StartsWith("AKIA", StringComparison.Ordinal) || rest.StartsWith("ASIA", StringComparison.Ordinal))
        {
            // An AWS access key id: 16 upper-case letters and digits after the prefix, exactly.
            end = start + 4;
            while (end < text.Length && end - start < 21 && (char.IsAsciiLetterUpper(text[end]) || char.IsAsciiDigit(text[end])))
            {
                end++;
            }

            if (end - start != 20)
            {
                return false;
            }
        }
        else if (PrefixLength(rest) is > 0 and var prefix)
        {
            end = start + prefix;
            while (end < text.Length && end - start < MaxProviderKeyLength && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '-'))
            {
                end++;
            }

            if (end - start - prefix < MinProviderBody(rest) || !LooksGenerated(text[(start + prefix)..end]))
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        if (!IsEnd(text, end))
        {
            return false;
        }

        match = new PiiMatch(start, end - start, PiiKind.Secret);
        return true;
    }

    // The prefixes compared with their case, and how long each is.
    private static int PrefixLength(ReadOnlySpan<char> rest)
    {
        if (rest.StartsWith("github_pat_", StringComparison.Ordinal))
        {
            return 11;
        }

        if (rest.Length > 4 && rest[2] == '_' && (rest.StartsWith("sk_", StringComparison.Ordinal) || rest.StartsWith("rk_", StringComparison.Ordinal)))
        {
            return rest[3..].StartsWith("live_", StringComparison.Ordinal) || rest[3..].StartsWith("test_", StringComparison.Ordinal)
                || rest[3..].StartsWith("prod_", StringComparison.Ordinal) ? 8 : 0;
        }

        if (rest.StartsWith("whsec_", StringComparison.Ordinal) || rest.StartsWith("glpat-", StringComparison.Ordinal))
        {
            return 6;
        }

        if (rest.StartsWith("gh", StringComparison.Ordinal) && rest.Length > 3 && rest[2] is 'p' or 'o' or 's' or 'u' or 'r' && rest[3] == '_')
        {
            return 4;
        }

        if (rest.StartsWith("npm_", StringComparison.Ordinal) || rest.StartsWith("AIza", StringComparison.Ordinal))
        {
            return 4;
        }

        return rest.Length > 4 && rest[4] == '-' && (rest.StartsWith("xox", StringComparison.Ordinal) && rest[3] is 'b' or 'a' or 'p' or 'r' or 's'
            || rest.StartsWith("xapp", StringComparison.Ordinal)) ? 5 : 0;
    }

    // The shortest body each provider issues, with a margin: GitHub 36, fine-grained 82, GitLab 20, Google 35, npm 36,
    // Stripe and Slack 10 and more.
    private static int MinProviderBody(ReadOnlySpan<char> rest) => rest[0] switch
    {
        'g' when rest[1] == 'h' => 30,
        'g' when rest[1] == 'i' => 40,
        'g' => 20,
        'A' or 'n' => 30,
        's' or 'r' or 'x' => 10,
        _ => 16,
    };

    // A random body holds a digit or letters of both cases: one in 70 random 24-character Stripe bodies has no digit, but
    // none of them is in one case only; a name such as sk_live_payments_enabled is.
    private static bool LooksGenerated(ReadOnlySpan<char> body)
        => body.IndexOfAnyInRange('0', '9') >= 0 || (body.IndexOfAnyInRange('a', 'z') >= 0 && body.IndexOfAnyInRange('A', 'Z') >= 0);
}
