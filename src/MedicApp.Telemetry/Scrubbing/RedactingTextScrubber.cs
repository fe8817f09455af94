using System.Globalization;

namespace MedicApp.Telemetry;

/// <summary>
/// The fail-closed default scrubber: it keeps no character of free text, only its length
/// (<c>[redacted:42]</c>), so no personal value can leave through a free-text property until a scrubber that
/// recognises personal values is registered.
/// </summary>
public sealed class RedactingTextScrubber : ITextScrubber
{
    /// <summary>Gets the shared instance.</summary>
    public static RedactingTextScrubber Instance { get; } = new();

    /// <inheritdoc/>
    public string Scrub(string text)
        => string.IsNullOrEmpty(text) ? text ?? string.Empty : "[redacted:" + text.Length.ToString(CultureInfo.InvariantCulture) + "]";
}
