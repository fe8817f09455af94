using Xunit;

namespace MedicApp.Telemetry.Tests.Scrubbing;

// The scanner looks characters up in tables for speed: they must say what the definitions say, for every character.
public sealed class PiiScannerTablesTests
{
    [Fact]
    public void TriggerTable_MatchesTheTriggers()
    {
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            Assert.True(PiiScanner.IsTrigger(c) == PiiScanner.Triggers.Contains(c, System.StringComparison.Ordinal), $"U+{(int)c:X4}");
        }
    }

    [Fact]
    public void WordTable_MatchesLettersDigitsAndUnderscore()
    {
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            Assert.True(PiiScanner.IsWordChar(c) == (char.IsLetterOrDigit(c) || c == '_'), $"U+{(int)c:X4}");
        }
    }
}
