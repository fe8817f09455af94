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

    /// <inheritdoc/>
    public string Scrub(string text)
        => string.IsNullOrEmpty(text) ? text ?? string.Empty : "[redacted:" + text.Length.ToString(CultureInfo.InvariantCulture) + "]";
}
