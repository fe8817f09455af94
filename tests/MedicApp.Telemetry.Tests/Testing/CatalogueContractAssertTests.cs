using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using MedicApp.Telemetry.Testing;
using Xunit;

namespace MedicApp.Telemetry.Tests.Testing;

/// <summary>
/// The breaking-change check as a team meets it: the baseline holds the contract as it was, the catalogue is as it is
/// now (<see cref="KioskEvents"/>), and each test makes the baseline differ the way one change to the code would.
/// </summary>
public sealed class CatalogueContractAssertTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("medicapp-contract-").FullName;

    private string Baseline => Path.Combine(_folder, "KioskEvents.contract.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void IsCompatible_UnchangedCatalogue_PassesAndLeavesTheBaseline()
    {
        File.WriteAllText(Baseline, CatalogueContract.ToJson(KioskEvents.Catalogue));
        var written = File.GetLastWriteTimeUtc(Baseline);

        CatalogueContractAssert.IsCompatible<KioskEvents>(Baseline);

        Assert.Equal(written, File.GetLastWriteTimeUtc(Baseline));
    }

    [Fact]
    public void IsCompatible_RenamedProperty_FailsNamingTheRenameAndTheWayOut()
    {
        // The baseline says 'screens': the code renamed it 'screen_count'.
        WriteBaseline(static contract => Property(contract, "badge_scanned", "accepted")["name"] = "was_accepted");

        var exception = Assert.Throws<TelemetryAssertException>(() => CatalogueContractAssert.IsCompatible<KioskEvents>(Baseline));

        Assert.Contains(
            "  - badge_scanned: property 'was_accepted' was removed (renamed to 'accepted'? queries reading customDimensions.was_accepted would find nothing)\n",
            exception.Message,
            StringComparison.Ordinal);
        Assert.Contains("  + badge_scanned: property 'accepted' was added: accepted (boolean, not_personal)\n", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("[TelemetryEvent(\"badge_scanned\", Version = 2)]) and update what reads it; to retire an event, delete it from the baseline file.", exception.Message, StringComparison.Ordinal);
        Assert.Contains("\"was_accepted\"", File.ReadAllText(Baseline), StringComparison.Ordinal);
    }

    [Fact]
    public void IsCompatible_TypeClassificationOptionalityAndEnumValues_EachBreaks()
    {
        WriteBaseline(static contract =>
        {
            contract["events"]!.AsArray().Single(e => (string?)e!["name"] == "kiosk_opened")!["version"] = 2;
            Property(contract, "kiosk_opened", "screen_count")["type"] = "string";
            Property(contract, "kiosk_opened", "visitor_id")["classification"] = "not_personal";
            Property(contract, "kiosk_opened", "campaign")["optional"] = false;
            Property(contract, "kiosk_opened", "language")["allowedValues"]!.AsArray().Add("spanish");
        });

        var message = Assert.Throws<TelemetryAssertException>(() => CatalogueContractAssert.IsCompatible<KioskEvents>(Baseline)).Message;

        Assert.Contains("  - kiosk_opened: property 'screen_count' changed type from string to integer\n", message, StringComparison.Ordinal);
        Assert.Contains("  - kiosk_opened: property 'visitor_id' changed classification from not_personal to pseudonymized", message, StringComparison.Ordinal);
        Assert.Contains("  - kiosk_opened: property 'campaign' became optional", message, StringComparison.Ordinal);
        Assert.Contains("  - kiosk_opened: property 'language' no longer takes 'spanish'", message, StringComparison.Ordinal);
        Assert.Contains("Version = 3)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsCompatible_RemovedEventOrLowerVersion_Breaks()
    {
        WriteBaseline(static contract =>
        {
            var events = contract["events"]!.AsArray();
            var closed = JsonNode.Parse(events.Single(e => (string?)e!["name"] == "badge_scanned")!.ToJsonString())!;
            closed["name"] = "kiosk_closed";
            events.Add(closed);
            events.Single(e => (string?)e!["name"] == "kiosk_opened")!["version"] = 3;
        });

        var message = Assert.Throws<TelemetryAssertException>(() => CatalogueContractAssert.IsCompatible<KioskEvents>(Baseline)).Message;

        Assert.Contains("  - kiosk_closed: the event was removed\n", message, StringComparison.Ordinal);
        Assert.Contains("  - kiosk_opened: the version went down from 3 to 2\n", message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsCompatible_BreakingChangeWithAVersionBump_PassesAndRewritesTheBaseline()
    {
        // Version 1 had a 'kiosk_id' that version 2 dropped, and an area since renamed.
        WriteBaseline(static contract =>
        {
            var opened = contract["events"]!.AsArray().Single(e => (string?)e!["name"] == "kiosk_opened")!;
            opened["version"] = 1;
            opened["area"] = "entrance";
            var kioskId = JsonNode.Parse(Property(contract, "kiosk_opened", "screen_count").ToJsonString())!;
            kioskId["name"] = "kiosk_id";
            kioskId["type"] = "guid";
            opened["properties"]!.AsArray().Add(kioskId);
        });

        CatalogueContractAssert.IsCompatible<KioskEvents>(Baseline);

        Assert.Equal(CatalogueContract.ToJson(KioskEvents.Catalogue), File.ReadAllText(Baseline));
    }

    [Fact]
    public void IsCompatible_AdditiveChanges_PassAndRewriteTheBaseline()
    {
        WriteBaseline(static contract =>
        {
            var events = contract["events"]!.AsArray();
            events.Remove(events.Single(e => (string?)e!["name"] == "badge_scanned"));
            var opened = events.Single(e => (string?)e!["name"] == "kiosk_opened")!;
            var properties = opened["properties"]!.AsArray();
            properties.Remove(properties.Single(p => (string?)p!["name"] == "campaign"));
            Property(contract, "kiosk_opened", "language")["allowedValues"]!.AsArray().RemoveAt(2);
            Property(contract, "kiosk_opened", "screen_count")["description"] = "Screens.";
        });

        CatalogueContractAssert.IsCompatible<KioskEvents>(Baseline);

        Assert.Equal(CatalogueContract.ToJson(KioskEvents.Catalogue), File.ReadAllText(Baseline));
    }

    [Fact]
    public void IsCompatible_NoBaseline_CreatesItLocallyAndFailsOnContinuousIntegration()
    {
        CatalogueContractAssert.IsCompatible(KioskEvents.Catalogue, Baseline, callerFilePath: string.Empty, continuousIntegration: false);
        Assert.Equal(CatalogueContract.ToJson(KioskEvents.Catalogue), File.ReadAllText(Baseline));

        File.Delete(Baseline);
        var exception = Assert.Throws<TelemetryAssertException>(
            () => CatalogueContractAssert.IsCompatible(KioskEvents.Catalogue, Baseline, callerFilePath: string.Empty, continuousIntegration: true));
        Assert.Contains("Baselines are not created on CI", exception.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Baseline));
    }

    [Fact]
    public void IsCompatible_BaselineThatIsNoContract_FailsSayingSo()
    {
        File.WriteAllText(Baseline, "{\"events\": [{\"name\": \"kiosk_opened\"}]}");

        var exception = Assert.Throws<TelemetryAssertException>(() => CatalogueContractAssert.IsCompatible<KioskEvents>(Baseline));

        Assert.StartsWith($"The contract baseline {Baseline} cannot be read. It is not a catalogue contract", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsCompatible_RelativePath_IsReadBesideTheCallingSourceFile()
    {
        File.WriteAllText(Baseline, CatalogueContract.ToJson(KioskEvents.Catalogue).Replace("\"accepted\"", "\"was_accepted\"", StringComparison.Ordinal));
        var relative = Path.GetRelativePath(SourceFolder(), Baseline);

        Assert.Throws<TelemetryAssertException>(() => CatalogueContractAssert.IsCompatible<KioskEvents>(relative));
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static JsonNode Property(JsonNode contract, string eventName, string propertyName)
        => contract["events"]!.AsArray().Single(e => (string?)e!["name"] == eventName)!["properties"]!.AsArray().Single(p => (string?)p!["name"] == propertyName)!;

    private void WriteBaseline(Action<JsonNode> change)
    {
        var contract = JsonNode.Parse(CatalogueContract.ToJson(KioskEvents.Catalogue))!;
        change(contract);
        File.WriteAllText(Baseline, contract.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
