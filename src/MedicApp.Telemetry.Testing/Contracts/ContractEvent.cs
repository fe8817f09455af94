using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace MedicApp.Telemetry.Testing;

/// <summary>One event of a contract file, as compatibility sees it: what queries rely on, without descriptions.</summary>
internal sealed record ContractEvent(string Name, string Area, int Version, IReadOnlyList<ContractProperty> Properties)
{
    /// <summary>Reads the events of a contract file (the format of <see cref="CatalogueContract.ToJson"/>).</summary>
    /// <exception cref="FormatException">The text is not a contract.</exception>
    public static IReadOnlyDictionary<string, ContractEvent> Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var events = new Dictionary<string, ContractEvent>(StringComparer.Ordinal);
            foreach (var element in document.RootElement.GetProperty("events").EnumerateArray())
            {
                var properties = element.GetProperty("properties").EnumerateArray().Select(ContractProperty.Read).ToArray();
                var name = element.GetProperty("name").GetString()!;
                events[name] = new ContractEvent(name, element.GetProperty("area").GetString()!, element.GetProperty("version").GetInt32(), properties);
            }

            return events;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException("It is not a catalogue contract (as CatalogueContract.ToJson writes it): " + exception.Message, exception);
        }
    }

    public ContractProperty? Find(string name) => Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}

/// <summary>One property of a contract event.</summary>
internal sealed record ContractProperty(string Name, string Type, string Classification, bool Optional, IReadOnlyList<string> AllowedValues)
{
    public static ContractProperty Read(JsonElement element) => new(
        element.GetProperty("name").GetString()!,
        element.GetProperty("type").GetString()!,
        element.GetProperty("classification").GetString()!,
        element.GetProperty("optional").GetBoolean(),
        element.TryGetProperty("allowedValues", out var values) ? [.. values.EnumerateArray().Select(static v => v.GetString()!)] : []);

    public override string ToString() => Name + " (" + Type + ", " + Classification + (Optional ? ", optional" : string.Empty) + ")";
}
