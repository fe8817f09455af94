using MedicApp.Telemetry.Generators.Tests.Infrastructure;
using MedicApp.Tests.Shared;
using Xunit;

namespace MedicApp.Telemetry.Generators.Tests.Snapshots;

/// <summary>
/// The generated source, character for character. A change to the emitter shows here as a snapshot diff to review
/// (Snapshooter writes the new text to __snapshots__/__mismatch__); accept it by replacing the .snap file.
/// </summary>
public sealed class GeneratedSourceSnapshotTests
{
    [Fact]
    public void GeneratedSource_RepresentativeCatalogue_MatchesSnapshot()
    {
        var run = GeneratorHarness.Run(RepresentativeCatalogue.Source);
        Assert.Empty(run.GeneratorDiagnostics);

        SnapshotAssert.Match(WithoutGeneratorVersion(run.SingleGeneratedText));
    }

    [Fact]
    public void GeneratedSource_GlobalNamespaceWithAnInvalidEvent_MatchesSnapshot()
    {
        const string Source = """
            using MedicApp.Telemetry;

            internal sealed partial class KioskTracker
            {
                [TelemetryEvent("kiosk_opened", Area = "KSK-1", Description = "A kiosk session started.")]
                public partial void KioskOpened([NotPersonal(Pattern = "^kiosk-[0-9]{1,4}$")] string kioskId);

                [TelemetryEvent("kiosk_note", Area = "KSK-1", Description = "A note was typed at the kiosk.")]
                public partial void KioskNote(string note);
            }
            """;
        var run = GeneratorHarness.Run(Source);
        Assert.Equal("MEDTEL0004", Assert.Single(run.GeneratorDiagnostics).Id);

        SnapshotAssert.Match(WithoutGeneratorVersion(run.SingleGeneratedText));
    }

    // The [GeneratedCode] attribute carries the generator's assembly version: keep the snapshots stable across releases.
    private static string WithoutGeneratorVersion(string text)
    {
        var version = typeof(EventTrackerGenerator).Assembly.GetName().Version!.ToString();
        var stamped = "\"MedicApp.Telemetry.Generators\", \"" + version + "\"";
        Assert.Contains(stamped, text, System.StringComparison.Ordinal);
        return text.Replace(stamped, "\"MedicApp.Telemetry.Generators\", \"{version}\"", System.StringComparison.Ordinal);
    }
}
