using System.Text.RegularExpressions;

namespace MedicApp.Telemetry.Benchmarks;

/// <summary>
/// The usual way to scrub text: one compiled regular expression per kind of value, run one after the other, covering
/// the same kinds and writings as <see cref="PiiScrubber"/>. The baseline of <see cref="PiiScrubberBenchmarks"/>; the
/// check digits are left out, which only makes it faster. Values found through a word before them (a birth date, a
/// one-time code, an opaque token) keep that word: the pattern starts with it, so the engine can search for it.
/// </summary>
internal sealed class RegexPiiScrubber
{
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;
    private const RegexOptions IgnoreCase = Options | RegexOptions.IgnoreCase;

    private const string Months = "janvier|janv|février|fevrier|févr|mars|avril|avr|mai|juin|juillet|juil|août|aout|septembre|sept|octobre|novembre|décembre|déc"
        + "|january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sep|october|oct|november|nov|december|dec";

    private static readonly (Regex Pattern, string Placeholder)[] s_kinds =
    [
        (new Regex(@"-----BEGIN [A-Z ]{0,40}PRIVATE KEY-----[A-Za-z0-9+/=\s\\:,]*(?:-----END [A-Z ]{0,40}PRIVATE KEY-----)?", Options), "[secret]"),
        (new Regex(@"\b(?:(?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{10,99}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_\w{40,}|glpat-[\w-]{20,}|npm_[A-Za-z0-9]{30,}|whsec_[A-Za-z0-9]{16,}|xox[baprs]-[\w-]{10,}|xapp-[\w-]{10,}|SG\.[\w-]{16,}\.[\w-]{16,}|(?:AKIA|ASIA)[A-Z0-9]{16}|AIza[\w-]{30,})\b", Options), "[secret]"),
        (new Regex(@"(?<=\b[A-Za-z][A-Za-z0-9+.-]*://[^\s:/@]*:)[^\s/@]{1,128}(?=@)", Options), "[secret]"),
        (new Regex(@"[A-Za-z0-9._%+'-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", Options), "[email]"),
        (new Regex(@"eyJ[A-Za-z0-9_-]{7,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*", Options), "[token]"),
        (new Regex(@"(?<=\b[Bb]earer +)[A-Za-z0-9\-._~+/]{8,}=*", Options), "[token]"),
        (new Regex(@"(?<=\b(?:token|jeton|secret|api ?key)s? {1,3})(?=[A-Za-z0-9+/=_.~-]*\d)(?=[A-Za-z0-9+/=_.~-]*[A-Za-z])[A-Za-z0-9+/=_.~-]{16,512}\b", IgnoreCase), "[token]"),
        (new Regex(@"(?<=\b(?:password|passwd|pwd|pass|passphrase|secret|token|access_token|refresh_token|id_token|client_secret|code|otp|pin|key|api_key|apikey|sig|signature|sas|mfa_code|accountkey|sharedaccesskey|sharedaccesssignature|accesskey|secretkey|subscriptionkey|session|sessionid|cookie|authorization)[""']?\s*[=:]\s*[""']?(?:(?:basic|bearer|digest|token) )?)[^\s&#""',;})\]<>]+", IgnoreCase), "[secret]"),
        (new Regex(@"(?<=\b[\w.-]*(?:key|token|secret|passw\w*|cred\w*|auth\w*)[""']?\s*[=:]\s*[""']?)(?=[A-Za-z0-9+/=_.~-]*\d)(?=[A-Za-z0-9+/=_.~-]*[A-Z])(?=[A-Za-z0-9+/=_.~-]*[a-z])[A-Za-z0-9+/=_.~-]{16,}", IgnoreCase), "[secret]"),
        (new Regex(@"(?<=\b(?:otp|totp|(?:mfa|sms|one-time|verification) code|code (?:de vérification|sms|de connexion|de sécurité))\s*:?\s*)\d{4,8}\b", IgnoreCase), "[secret]"),
        (new Regex(@"(?<=(?:birth|naissance|\bn[ée]e?\b|\bdob\b|\bddn\b|\bborn\b)[^\d\n&;|]{0,64})(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|(?:19|20)\d{2}[-/.]\d{2}[-/.]\d{2}(?:T[\d:.]+Z?)?|(?:19|20)\d{6}|\d{1,2}(?:er)?[ -](?:" + Months + @")\.?[ -]\d{4}|(?:" + Months + @") \d{1,2},? \d{4})\b", IgnoreCase), "[birthdate]"),
        (new Regex(@"\b[1-478][ .-]?\d{2}[ .-]?\d{2}[ .-]?(?:\d{2}|2[AB])[ .-]?\d{3}[ .-]?\d{3}(?:[ .-]?| [-/] | clé :? | \()\d{2}\)?\b", IgnoreCase), "[nir]"),
        (new Regex(@"\b[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]{4}){2,7}(?:[ -]?[A-Za-z0-9]{1,4})?\b", Options), "[iban]"),
        (new Regex(@"\b(?:\d[ -]?){12,18}\d\b", Options), "[card]"),
        (new Regex(@"(?:(?:\(\+33\)|\+33|0033)[ .-]?(?:\(0\)[ .-]?)?|\b0(?:[ .-]?(?=8))?)[1-9](?:[ .-]?\d){8}\b|\+[1-9][\d .-]{7,18}\d", Options), "[phone]"),
        (new Regex(@"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b", Options), "[ip]"),
        (new Regex(@"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,7}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?|::(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?(?:(?<=:)(?:\d{1,3}\.){3}\d{1,3})?", Options), "[ip]"),
    ];

    public static string Scrub(string text)
    {
        foreach (var (pattern, placeholder) in s_kinds)
        {
            text = pattern.Replace(text, placeholder);
        }

        return text;
    }
}
