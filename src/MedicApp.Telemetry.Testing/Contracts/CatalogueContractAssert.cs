using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;

namespace MedicApp.Telemetry.Testing;

/// <summary>
/// Keeps a catalogue's contract (<see cref="CatalogueContract.ToJson"/>) in a file committed beside the test, and fails
/// when a change to the catalogue would break the queries, dashboards and alerts that read its events.
/// </summary>
/// <remarks>
/// <para>Breaking, unless the event's <c>Version</c> goes up in the same change: a removed or renamed event or
/// property, a changed wire type, classification or area, a property that became optional, an enum value that is gone.
/// A removed event always breaks: delete it from the baseline file, in the same change, to retire it.</para>
/// <para>Compatible changes (a new event, property or enum value, a description, a version bump) pass, and the file is
/// rewritten so that the change shows in review: commit it. A missing file is created; with <c>CI=true</c> that fails,
/// since a baseline nobody committed protects nothing.</para>
/// </remarks>
public static class CatalogueContractAssert
{
    private const string CallerFilePath = "The optional parameter is the compiler's [CallerFilePath], never passed by a caller.";

    /// <summary>Checks the contract of <typeparamref name="TCatalogue"/> against its baseline file.</summary>
    /// <typeparam name="TCatalogue">The catalogue class, such as <c>ClinicEvents</c>.</typeparam>
    /// <param name="baselinePath">The baseline file; a relative path is relative to the folder of the calling source file.</param>
    /// <param name="callerFilePath">Filled in by the compiler.</param>
    /// <exception cref="TelemetryAssertException">A breaking change, or a baseline that is missing on CI or unreadable.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = CallerFilePath)]
    public static void IsCompatible<TCatalogue>(string baselinePath, [CallerFilePath] string callerFilePath = "")
        where TCatalogue : ITelemetryCatalogue
        => IsCompatible(TCatalogue.Catalogue, baselinePath, callerFilePath);

    /// <summary>Checks the contract of <paramref name="catalogue"/> against its baseline file.</summary>
    /// <param name="catalogue">The catalogue, such as <c>EventTracker.Catalogue</c>.</param>
    /// <param name="baselinePath">The baseline file; a relative path is relative to the folder of the calling source file.</param>
    /// <param name="callerFilePath">Filled in by the compiler.</param>
    /// <exception cref="TelemetryAssertException">A breaking change, or a baseline that is missing on CI or unreadable.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = CallerFilePath)]
    public static void IsCompatible(EventCatalogue catalogue, string baselinePath, [CallerFilePath] string callerFilePath = "")
        => IsCompatible(catalogue, baselinePath, callerFilePath, IsContinuousIntegration);

    /// <summary>The check, told whether it runs on CI, where a missing baseline fails.</summary>
    internal static void IsCompatible(EventCatalogue catalogue, string baselinePath, string callerFilePath, bool continuousIntegration)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentException.ThrowIfNullOrEmpty(baselinePath);
        var path = Resolve(baselinePath, callerFilePath);
        var contract = CatalogueContract.ToJson(catalogue);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, contract);
            if (continuousIntegration)
            {
                throw new TelemetryAssertException(
                    $"The contract baseline of {catalogue.Name} did not exist: it is now written to {path}. Baselines are not " +
                    "created on CI (CI=true): run the test locally, review the file and commit it with the catalogue.");
            }

            return;
        }

        var baselineText = File.ReadAllText(path);
        IReadOnlyDictionary<string, ContractEvent> baseline;
        try
        {
            baseline = ContractEvent.Parse(baselineText);
        }
        catch (FormatException exception)
        {
            throw new TelemetryAssertException($"The contract baseline {path} cannot be read. {exception.Message}", exception);
        }

        var changes = ContractComparer.Compare(baseline, ContractEvent.Parse(contract));
        if (changes.Any(static c => c.Kind == ContractChangeKind.Breaking))
        {
            throw new TelemetryAssertException(Describe(catalogue, path, changes));
        }

        if (!string.Equals(baselineText.Replace("\r\n", "\n", StringComparison.Ordinal), contract, StringComparison.Ordinal))
        {
            File.WriteAllText(path, contract);
        }
    }

    private static bool IsContinuousIntegration
        => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string Resolve(string baselinePath, string callerFilePath)
    {
        if (Path.IsPathRooted(baselinePath))
        {
            return baselinePath;
        }

        var folder = Path.GetDirectoryName(callerFilePath);
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            // A deterministic build (ContinuousIntegrationBuild) maps source paths to /_/…, which is no folder here.
            throw new TelemetryAssertException(
                $"The folder of the calling test, '{folder}', does not exist on this machine (a deterministic build maps " +
                $"source paths): pass the baseline '{baselinePath}' as an absolute path.");
        }

        return Path.Combine(folder, baselinePath);
    }

    private static string Describe(EventCatalogue catalogue, string path, IReadOnlyList<ContractChange> changes)
    {
        var text = new StringBuilder()
            .Append("The events of ").Append(catalogue.Name).Append(" no longer keep the contract of ").Append(path).Append('.').Append('\n')
            .Append("Breaking changes: the queries, dashboards and alerts that read these events would silently count the wrong thing.\n");
        foreach (var change in changes.Where(static c => c.Kind == ContractChangeKind.Breaking))
        {
            text.Append("  - ").Append(change).Append('\n');
        }

        var others = changes.Where(static c => c.Kind != ContractChangeKind.Breaking).ToArray();
        if (others.Length > 0)
        {
            text.Append("Other changes, which do not break them:\n");
            foreach (var change in others)
            {
                text.Append("  + ").Append(change).Append('\n');
            }
        }

        var example = changes.First(static c => c.Kind == ContractChangeKind.Breaking).Event;
        var version = catalogue.Find(example)?.SchemaVersion;
        text.Append("To make such a change on purpose, raise the event's version in the same change (for example ")
            .Append("[TelemetryEvent(\"").Append(example).Append("\", Version = ")
            .Append((version ?? 1) + 1)
            .Append(")]) and update what reads it; to retire an event, delete it from the baseline file.");
        return text.ToString();
    }
}
