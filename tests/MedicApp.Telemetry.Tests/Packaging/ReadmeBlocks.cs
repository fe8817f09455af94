using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MedicApp.Telemetry.Contracts;

namespace MedicApp.Telemetry.Tests.Packaging;

/// <summary>
/// The README's code blocks that follow a <c>&lt;!-- marker: name --&gt;</c> comment, so that the tests run exactly what
/// a reader copies.
/// </summary>
internal static partial class ReadmeBlocks
{
    /// <summary>The code of the blocks marked <c>&lt;!-- <paramref name="marker"/>: name --&gt;</c>, by name.</summary>
    public static IReadOnlyDictionary<string, string> Read(string marker)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "README.md"));
        var blocks = Block().Matches(readme).Where(m => m.Groups["marker"].Value == marker).ToDictionary(
            static m => m.Groups["name"].Value,
            static m => Unindent(m.Groups["code"].Value, m.Groups["indent"].Value));
        return blocks.Count > 0 ? blocks : throw new InvalidDataException($"README.md has no {marker} code block.");
    }

    // The blocks sit inside numbered lists, indented; the code must not be.
    private static string Unindent(string code, string indent)
        => string.Join('\n', code.Split('\n').Select(line => line.StartsWith(indent, System.StringComparison.Ordinal) ? line[indent.Length..] : line.TrimStart()));

    [GeneratedRegex(@"<!-- (?<marker>[a-z-]+): (?<name>\S+) -->\n(?<indent>[ ]*)```\w*\n(?<code>.*?)\n[ ]*```", RegexOptions.Singleline)]
    private static partial Regex Block();
}
