using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MedicApp.Telemetry.Tests.Scrubbing.Corpus;

/// <summary>
/// A line of the labelled corpus: its text with the marks taken out, and where its marked values are.
/// <c>⟦email|jeanne.martin@example.fr⟧</c> marks a personal value of a kind; <c>⟦keep:date|2026-11-23⟧</c> a harmless
/// one of a category (the look-alike it stands for), <c>⟦keep|…⟧</c> one of no particular category.
/// </summary>
internal sealed record LabelledLine(int Number, string Text, IReadOnlyList<LabelledValue> Values)
{
    private const char Open = '⟦';
    private const char Close = '⟧';

    /// <summary>The category of a harmless value marked <c>⟦keep|…⟧</c>, without one.</summary>
    public const string OtherCategory = "other";

    public static LabelledLine Parse(int number, string line)
    {
        var text = new StringBuilder(line.Length);
        var values = new List<LabelledValue>();
        var index = 0;
        while (index < line.Length)
        {
            var open = line.IndexOf(Open, index);
            if (open < 0)
            {
                text.Append(line, index, line.Length - index);
                break;
            }

            var bar = line.IndexOf('|', open);
            var close = line.IndexOf(Close, open);
            if (bar < 0 || close < bar)
            {
                throw new FormatException($"Line {number}: a mark opened at column {open + 1} is not of the form ⟦kind|value⟧.");
            }

            text.Append(line, index, open - index);
            var label = line[(open + 1)..bar];
            var value = line[(bar + 1)..close];
            values.Add(label == "keep" || label.StartsWith("keep:", StringComparison.Ordinal)
                ? new LabelledValue(null, label.Length > 5 ? label[5..] : OtherCategory, value, text.Length)
                : new LabelledValue(KindOf(number, label), null, value, text.Length));
            text.Append(value);
            index = close + 1;
        }

        return new LabelledLine(number, text.ToString(), values);
    }

    // A kind is labelled as its placeholder reads: ip for [ip].
    private static PiiKind KindOf(int number, string label)
        => Enum.GetValues<PiiKind>().FirstOrDefault(k => PiiScrubber.PlaceholderOf(k) == $"[{label}]") is var kind && PiiScrubber.PlaceholderOf(kind) == $"[{label}]"
            ? kind
            : throw new FormatException($"Line {number}: '{label}' is no kind of personal value.");
}

/// <summary>
/// A marked value: its kind (null for a harmless value) or its category (null for a personal value), its text and where
/// it starts in the line.
/// </summary>
internal sealed record LabelledValue(PiiKind? Kind, string? Category, string Value, int Start)
{
    public int End => Start + Value.Length;
}
