using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MedicApp.Telemetry.Contracts;

namespace MedicApp.Telemetry.Tests.Packaging;

/// <summary>
/// The files of the README's quick start, read from the README itself (each code block follows a
/// <c>&lt;!-- quick-start: file --&gt;</c> marker), so the package tests build exactly what a newcomer copies.
/// </summary>
internal static partial class QuickStart
{
    public static IReadOnlyDictionary<string, string> Files { get; } = Read();

    private static Dictionary<string, string> Read()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "README.md"));
        var files = Block().Matches(readme).ToDictionary(
            static m => m.Groups["file"].Value,
            static m => Unindent(m.Groups["code"].Value, m.Groups["indent"].Value));
        return files.Count > 0 ? files : throw new InvalidDataException("README.md has no quick-start code block.");
    }

    // The blocks sit inside a numbered list, indented; the files must not be.
    private static string Unindent(string code, string indent)
        => string.Join('\n', code.Split('\n').Select(line => line.StartsWith(indent, System.StringComparison.Ordinal) ? line[indent.Length..] : line.TrimStart()));

    [GeneratedRegex(@"<!-- quick-start: (?<file>\S+) -->\n(?<indent>[ ]*)```\w*\n(?<code>.*?)\n[ ]*```", RegexOptions.Singleline)]
    private static partial Regex Block();
}
