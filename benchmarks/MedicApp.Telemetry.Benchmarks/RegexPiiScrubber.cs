using System.Text.RegularExpressions;

namespace MedicApp.Telemetry.Benchmarks;

/// <summary>
/// The usual way to scrub text: one compiled regular expression per kind of value, run one after the other. The
/// baseline of <see cref="PiiScrubberBenchmarks"/>; the check digits are left out, which only makes it faster.
/// </summary>
internal sealed class RegexPiiScrubber
{
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;

    private static readonly (Regex Pattern, string Placeholder)[] s_kinds =
    [
        (new Regex(@"[A-Za-z0-9._%+'-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", Options), "[email]"),
        (new Regex(@"eyJ[A-Za-z0-9_-]{7,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*", Options), "[token]"),
        (new Regex(@"(?<=\b[Bb]earer +)[A-Za-z0-9\-._~+/]{8,}=*", Options), "[token]"),
        (new Regex(@"(?<=\b(?:password|passwd|pwd|secret|token|access_token|code|otp|pin|key|api_key|apikey|sig|signature|mfa_code)[""']?\s*[=:]\s*[""']?)[^\s&#""',;})\]<>]+", Options | RegexOptions.IgnoreCase), "[secret]"),
        (new Regex(@"\b[12347-8] ?\d{2} ?\d{2} ?(?:\d{2}|2[AB]) ?\d{3} ?\d{3} ?\d{2}\b", Options), "[nir]"),
        (new Regex(@"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b", Options), "[iban]"),
        (new Regex(@"\b(?:\d[ -]?){12,18}\d\b", Options), "[card]"),
        (new Regex(@"(?:(?:\+|00)33 ?(?:\(0\) ?)?|\b0)[1-9](?:[ .-]?\d{2}){4}\b|\+[1-9][\d .-]{7,18}\d", Options), "[phone]"),
        (new Regex(@"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b", Options), "[ip]"),
        (new Regex(@"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,7}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?|::(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?", Options), "[ip]"),
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
