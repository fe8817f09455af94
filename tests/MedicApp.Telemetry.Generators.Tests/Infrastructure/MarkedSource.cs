using System;
using Microsoft.CodeAnalysis.Text;

namespace MedicApp.Telemetry.Generators.Tests.Infrastructure;

/// <summary>
/// Source text with one marked span, written <c>{|MEDTEL0004:patientId|}</c>: the diagnostic id expected there and
/// the exact text it must point at. The markers are removed from <see cref="Source"/>.
/// </summary>
internal sealed class MarkedSource
{
    private const string OpenMarker = "{|";
    private const string CloseMarker = "|}";

    private MarkedSource(string source, string diagnosticId, TextSpan span)
    {
        Source = source;
        DiagnosticId = diagnosticId;
        Span = span;
        LineSpan = SourceText.From(source).Lines.GetLinePositionSpan(span);
    }

    /// <summary>Gets the source text without its markers.</summary>
    public string Source { get; }

    /// <summary>Gets the diagnostic id written in the marker.</summary>
    public string DiagnosticId { get; }

    /// <summary>Gets the span of the marked text in <see cref="Source"/>.</summary>
    public TextSpan Span { get; }

    /// <summary>Gets the line and column span of the marked text (zero-based, as Roslyn reports them).</summary>
    public LinePositionSpan LineSpan { get; }

    /// <summary>Reads <paramref name="markup"/>, which must hold exactly one marker.</summary>
    public static MarkedSource Parse(string markup)
    {
        var open = markup.IndexOf(OpenMarker, StringComparison.Ordinal);
        var colon = open < 0 ? -1 : markup.IndexOf(':', open);
        var close = colon < 0 ? -1 : markup.IndexOf(CloseMarker, colon, StringComparison.Ordinal);
        if (close < 0 || markup.IndexOf(OpenMarker, close, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException("The markup must hold exactly one {|ID:text|} marker.", nameof(markup));
        }

        var id = markup[(open + OpenMarker.Length)..colon];
        var text = markup[(colon + 1)..close];
        var source = string.Concat(markup.AsSpan(0, open), text, markup.AsSpan(close + CloseMarker.Length));
        return new MarkedSource(source, id, new TextSpan(open, text.Length));
    }
}
