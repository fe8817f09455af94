using System.Collections.Generic;

namespace MedicApp.Telemetry.Tests.Packaging;

/// <summary>
/// The files of the README's quick start, read from the README itself (each code block follows a
/// <c>&lt;!-- quick-start: file --&gt;</c> marker), so the package tests build exactly what a newcomer copies.
/// </summary>
internal static class QuickStart
{
    public static IReadOnlyDictionary<string, string> Files { get; } = ReadmeBlocks.Read("quick-start");
}
