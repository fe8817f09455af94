using System;
using System.Collections.Generic;
using System.Linq;

namespace MedicApp.Telemetry.Testing;

/// <summary>
/// Compares a catalogue's contract with its baseline the way the queries that read the events would feel it: a removed or
/// renamed event or property, a changed wire type, classification or area, a property that became optional, or enum
/// values that are gone break them; additions do not. A breaking change to an event whose version went up is accepted.
/// </summary>
internal static class ContractComparer
{
    public static IReadOnlyList<ContractChange> Compare(IReadOnlyDictionary<string, ContractEvent> baseline, IReadOnlyDictionary<string, ContractEvent> current)
    {
        var changes = new List<ContractChange>();
        var added = current.Values.Where(e => !baseline.ContainsKey(e.Name)).ToList();
        foreach (var before in baseline.Values.OrderBy(static e => e.Name, StringComparer.Ordinal))
        {
            if (current.TryGetValue(before.Name, out var after))
            {
                CompareEvent(before, after, changes);
                continue;
            }

            var successor = added.FirstOrDefault(e => SameShape(before, e));
            changes.Add(new ContractChange(
                before.Name,
                "the event was removed" + (successor is null ? string.Empty : $" (renamed to '{successor.Name}'? queries on '{before.Name}' would find nothing)"),
                ContractChangeKind.Breaking));
        }

        foreach (var e in added.OrderBy(static e => e.Name, StringComparer.Ordinal))
        {
            changes.Add(new ContractChange(e.Name, "the event was added", ContractChangeKind.Compatible));
        }

        return changes;
    }

    private static void CompareEvent(ContractEvent before, ContractEvent after, List<ContractChange> changes)
    {
        var breaking = after.Version > before.Version ? ContractChangeKind.Versioned : ContractChangeKind.Breaking;
        if (after.Version < before.Version)
        {
            changes.Add(new ContractChange(before.Name, $"the version went down from {before.Version} to {after.Version}", ContractChangeKind.Breaking));
        }
        else if (after.Version > before.Version)
        {
            changes.Add(new ContractChange(before.Name, $"the version went up from {before.Version} to {after.Version}", ContractChangeKind.Compatible));
        }

        if (!string.Equals(before.Area, after.Area, StringComparison.Ordinal))
        {
            changes.Add(new ContractChange(before.Name, $"event_area changed from '{before.Area}' to '{after.Area}'", breaking));
        }

        var newProperties = after.Properties.Where(p => before.Find(p.Name) is null).ToList();
        foreach (var old in before.Properties)
        {
            var now = after.Find(old.Name);
            if (now is null)
            {
                var successor = newProperties.FirstOrDefault(p => p.Type == old.Type && p.Classification == old.Classification);
                changes.Add(new ContractChange(
                    before.Name,
                    $"property '{old.Name}' was removed" + (successor is null
                        ? $": queries reading customDimensions.{old.Name} would find nothing"
                        : $" (renamed to '{successor.Name}'? queries reading customDimensions.{old.Name} would find nothing)"),
                    breaking));
                continue;
            }

            CompareProperty(before.Name, old, now, breaking, changes);
        }

        foreach (var p in newProperties)
        {
            changes.Add(new ContractChange(before.Name, $"property '{p.Name}' was added: {p}", ContractChangeKind.Compatible));
        }
    }

    private static void CompareProperty(string eventName, ContractProperty before, ContractProperty after, ContractChangeKind breaking, List<ContractChange> changes)
    {
        var subject = $"property '{before.Name}'";
        if (!string.Equals(before.Type, after.Type, StringComparison.Ordinal))
        {
            changes.Add(new ContractChange(eventName, $"{subject} changed type from {before.Type} to {after.Type}", breaking));
        }

        if (!string.Equals(before.Classification, after.Classification, StringComparison.Ordinal))
        {
            changes.Add(new ContractChange(eventName, $"{subject} changed classification from {before.Classification} to {after.Classification}: its values no longer compare with the ones sent before", breaking));
        }

        if (before.Optional != after.Optional)
        {
            changes.Add(after.Optional
                ? new ContractChange(eventName, $"{subject} became optional: queries that expect it on every event would miss some", breaking)
                : new ContractChange(eventName, $"{subject} became required", ContractChangeKind.Compatible));
        }

        var removed = before.AllowedValues.Except(after.AllowedValues, StringComparer.Ordinal).ToArray();
        if (removed.Length > 0)
        {
            changes.Add(new ContractChange(eventName, $"{subject} no longer takes {Quote(removed)}: queries comparing with them would match nothing", breaking));
        }

        var added = after.AllowedValues.Except(before.AllowedValues, StringComparer.Ordinal).ToArray();
        if (added.Length > 0)
        {
            changes.Add(new ContractChange(eventName, $"{subject} also takes {Quote(added)}", ContractChangeKind.Compatible));
        }
    }

    // A removed event whose properties all live on in an added one was most likely renamed.
    private static bool SameShape(ContractEvent removed, ContractEvent added)
        => removed.Properties.Count > 0
            && removed.Properties.All(p => added.Find(p.Name) is { } q && q.Type == p.Type && q.Classification == p.Classification);

    private static string Quote(IEnumerable<string> values) => string.Join(", ", values.Select(static v => "'" + v + "'"));
}
