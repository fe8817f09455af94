using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace MedicApp.Telemetry.Tests.Scrubbing.Corpus;

/// <summary>
/// The scrubber over the labelled corpus: every personal value must be found (recall 100 %), and at least 95 % of the
/// harmless values must be left as they are.
/// </summary>
public sealed class LabelledCorpusTests(ITestOutputHelper output)
{
    private const double MinimumKept = 0.95;

    [Fact]
    public void Corpus_IsLargeAndLabelled()
    {
        var lines = Load();

        Assert.True(lines.Count >= 500, $"{lines.Count} lines");
        Assert.All(Enum.GetValues<PiiKind>(), kind => Assert.Contains(lines, l => l.Values.Any(v => v.Kind == kind)));
        Assert.True(lines.Sum(static l => l.Values.Count(static v => v.Kind is null)) >= 500);
    }

    [Fact]
    public void Scrubber_FindsEveryPersonalValueAndKeepsTheHarmlessOnes()
    {
        var missed = new List<string>();
        var eaten = new List<string>();
        int personal = 0, harmless = 0;
        foreach (var line in Load())
        {
            var matches = PiiScrubber.Default.FindAll(line.Text);
            foreach (var value in line.Values)
            {
                if (value.Kind is { } kind)
                {
                    personal++;
                    if (!matches.Any(m => m.Start <= value.Start && m.End >= value.End))
                    {
                        missed.Add($"line {line.Number}: {kind} '{value.Value}'");
                    }
                }
                else
                {
                    harmless++;
                    if (matches.FirstOrDefault(m => m.Start < value.End && m.End > value.Start) is { Length: > 0 } match)
                    {
                        eaten.Add($"line {line.Number}: '{value.Value}' taken as {match.Kind}");
                    }
                }
            }
        }

        var recall = (double)(personal - missed.Count) / personal;
        var kept = (double)(harmless - eaten.Count) / harmless;
        output.WriteLine($"Recall: {recall:P2} of {personal} personal values. Kept: {kept:P2} of {harmless} harmless values.");
        missed.Concat(eaten).ToList().ForEach(output.WriteLine);

        Assert.True(missed.Count == 0, $"Recall {recall:P2}; missed:\n{string.Join('\n', missed)}");
        Assert.True(kept >= MinimumKept, $"Kept {kept:P2}; taken:\n{string.Join('\n', eaten)}");
    }

    private static List<LabelledLine> Load()
        => File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Scrubbing", "Corpus", "pii-corpus.txt"))
            .Select(static (line, index) => (Line: line, Number: index + 1))
            .Where(static l => l.Line.Length > 0 && !l.Line.StartsWith('#'))
            .Select(static l => LabelledLine.Parse(l.Number, l.Line))
            .ToList();
}
