using System;

namespace MedicApp.Telemetry;

internal static partial class PiiScanner
{
    // How far before the number its words may stand: "System.Security…Exception: MFA code " fits.
    private const int OneTimeCodeWindow = 48;

    private static readonly string[] s_oneTimeCodeWords = ["mfa", "otp", "totp", "sms", "one-time", "verification", "vérification", "usage unique", "connexion", "login", "sécurité", "security", "confirmation"];

    /// <summary>
    /// A one-time code written in a sentence: four to eight digits after <c>code</c> and a word that makes it one
    /// (<c>MFA code 397353</c>, <c>code de vérification 8841</c>), or after <c>OTP</c> or <c>TOTP</c> alone. A code
    /// after <c>=</c> or <c>:</c> is a secret-named parameter; <c>error code 500</c> and <c>code postal 75001</c> stay.
    /// </summary>
    private static bool TryOneTimeCode(ReadOnlySpan<char> text, int digit, int digits, out PiiMatch match)
    {
        match = default;
        var end = digit + digits;
        if (digits is < 4 or > 8 || !IsEnd(text, end) || (end < text.Length && text[end] is '.' or ','))
        {
            return false;
        }

        var window = text[ClauseStart(text, digit, OneTimeCodeWindow)..digit];
        if (!(HasWord(window, "otp") || HasWord(window, "totp") || (HasWord(window, "code") && HasAnyWord(window))))
        {
            return false;
        }

        match = new PiiMatch(digit, digits, PiiKind.Secret);
        return true;
    }

    private static bool HasAnyWord(ReadOnlySpan<char> window)
    {
        foreach (var word in s_oneTimeCodeWords)
        {
            if (window.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
