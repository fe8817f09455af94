using System;
using System.Globalization;

namespace MedicApp.Telemetry;

/// <summary>
/// A fail-closed scrubber: it keeps no character of free text, only its length (<c>[redacted:42]</c>). Register it
/// with <c>UseTextScrubber&lt;RedactingTextScrubber&gt;()</c> where free text must never leave, even scrubbed; the
/// default is <see cref="PiiScrubber"/>.
/// </summary>
public sealed class RedactingTextScrubber : ITextScrubber
{
    /// <summary>Gets the shared instance.</summary>
    public static RedactingTextScrubber Instance { get; } = new();

    private const string Prefix = "[redacted:";

    /// <inheritdoc/>
    public string Scrub(string text)
        => string.IsNullOrEmpty(text) || IsPlaceholder(text) ? text ?? string.Empty : Prefix + text.Length.ToString(CultureInfo.InvariantCulture) + "]";

    // Its own output stays as it is: telemetry processors may see a text twice (an exception event scrubbed when it is
    // recorded, then with its span).
    private static bool IsPlaceholder(string text)
    {
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length <= Prefix.Length + 1 || text[^1] != ']')
        {
            return false;
        }

        foreach (var c in text.AsSpan(Prefix.Length, text.Length - Prefix.Length - 1))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
