using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace MedicApp.Telemetry.Tests.Scrubbing.Corpus;

/// <summary>
/// The scrubber over the labelled corpus: every personal value of every kind must be found (100 % per kind), and at
/// least 95 % of the harmless values of each category of look-alike must be left as they are.
/// </summary>
public sealed class LabelledCorpusTests(ITestOutputHelper output)
{
    private const int MinimumLines = 2000;
    private const double MinimumKept = 0.95;

    [Fact]
    public void Corpus_IsLargeAndLabelled()
    {
        var lines = Load();

        Assert.True(lines.Count >= MinimumLines, $"{lines.Count} lines");
        Assert.All(Enum.GetValues<PiiKind>(), kind => Assert.Contains(lines, l => l.Values.Any(v => v.Kind == kind)));
        Assert.True(lines.Sum(static l => l.Values.Count(static v => v.Kind is null)) >= MinimumLines);
    }

    [Fact]
    public void Scrubber_FindsEveryPersonalValueOfEachKindAndKeepsEachCategoryOfLookAlike()
    {
        var found = new Dictionary<PiiKind, (int Total, int Found)>();
        var kept = new Dictionary<string, (int Total, int Kept)>(StringComparer.Ordinal);
        var missed = new List<string>();
        var eaten = new List<string>();
        foreach (var line in Load())
        {
            var matches = PiiScrubber.Default.FindAll(line.Text);
            foreach (var value in line.Values)
            {
                if (value.Kind is { } kind)
                {
                    var hit = matches.Any(m => m.Start <= value.Start && m.End >= value.End);
                    var (total, count) = found.GetValueOrDefault(kind);
                    found[kind] = (total + 1, count + (hit ? 1 : 0));
                    if (!hit)
                    {
                        missed.Add($"line {line.Number}: {kind} '{value.Value}'");
                    }
                }
                else
                {
                    var match = matches.FirstOrDefault(m => m.Start < value.End && m.End > value.Start);
                    var (total, count) = kept.GetValueOrDefault(value.Category!);
                    kept[value.Category!] = (total + 1, count + (match.Length == 0 ? 1 : 0));
                    if (match.Length > 0)
                    {
                        eaten.Add($"line {line.Number}: {value.Category} '{value.Value}' taken as {match.Kind}");
                    }
                }
            }
        }

        output.WriteLine("| Personal kind | Values | Removed |");
        output.WriteLine("| --- | ---: | ---: |");
        foreach (var (kind, (total, count)) in found.OrderBy(static p => p.Key))
        {
            output.WriteLine($"| {kind} | {total} | {(double)count / total:P1} |");
        }

        output.WriteLine("");
        output.WriteLine("| Look-alike | Values | Kept |");
        output.WriteLine("| --- | ---: | ---: |");
        foreach (var (category, (total, count)) in kept.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"| {category} | {total} | {(double)count / total:P1} |");
        }

        missed.Concat(eaten).ToList().ForEach(output.WriteLine);

        var lowCategories = kept.Where(static p => (double)p.Value.Kept / p.Value.Total < MinimumKept).Select(static p => p.Key).ToList();
        Assert.True(missed.Count == 0, $"{missed.Count} personal values missed:\n{string.Join('\n', missed)}");
        Assert.True(lowCategories.Count == 0, $"Under {MinimumKept:P0} kept in {string.Join(", ", lowCategories)}; taken:\n{string.Join('\n', eaten)}");
    }

    private static List<LabelledLine> Load()
        => File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Scrubbing", "Corpus", "pii-corpus.txt"))
            .Select(static (line, index) => (Line: line, Number: index + 1))
            .Where(static l => l.Line.Length > 0 && !l.Line.StartsWith('#'))
            .Select(static l => LabelledLine.Parse(l.Number, l.Line))
            .ToList();
}
