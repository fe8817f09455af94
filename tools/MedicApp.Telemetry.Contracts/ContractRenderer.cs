using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using MedicApp.Telemetry;

namespace MedicApp.Telemetry.Contracts;

/// <summary>Renders the contract files of a catalogue from its metadata: the single source of truth.</summary>
public static class ContractRenderer
{
    public const string MarkdownFile = "events.md";
    public const string SchemaFile = "events.schema.json";

    public static IReadOnlyList<(string Name, string Content)> Render(EventCatalogue catalogue)
        => [(MarkdownFile, RenderMarkdown(catalogue)), (SchemaFile, RenderSchema(catalogue))];

    /// <summary>The contract JSON, rendered by the SDK's public API as any team renders its own catalogue's.</summary>
    public static string RenderSchema(EventCatalogue catalogue) => CatalogueContract.ToJson(catalogue);

    public static string RenderMarkdown(EventCatalogue catalogue)
    {
        var text = new StringBuilder();
        text.Append("# Business events\n\n")
            .Append("Generated from the catalogue metadata of `").Append(catalogue.Name).Append("` by\n")
            .Append("`dotnet run --project tools/MedicApp.Telemetry.Contracts`: do not edit by hand.\n\n")
            .Append("Events land in Application Insights `customEvents`; every property is a string in `customDimensions`,\n")
            .Append("read in KQL with the reader given below (for example `todouble(customDimensions.utilization_ratio)`).\n")
            .Append("Every event also carries `event_id`, `schema_version` and `event_area`, and `event_warnings` when a value\n")
            .Append("was changed on the way out. Pseudonymized values read `{keyId}:{32 hex}`. A not-personal string outside\n")
            .Append("the values, pattern or length given below, or that looks personal, is sent as `[withheld]`.\n");
        foreach (var area in catalogue.Events.GroupBy(static e => e.Area).OrderBy(static g => g.Key, System.StringComparer.Ordinal))
        {
            text.Append("\n## ").Append(area.Key).Append('\n');
            foreach (var definition in area)
            {
                text.Append("\n### `").Append(definition.Name).Append("` (v").Append(definition.SchemaVersion).Append(")\n\n")
                    .Append(definition.Description).Append(" Sent by `EventTracker.").Append(definition.MethodName).Append("`.\n\n")
                    .Append("| Property | Type | KQL | Privacy | Description |\n| --- | --- | --- | --- | --- |\n");
                foreach (var property in definition.Properties)
                {
                    var values = property.AllowedValues.Count > 0 ? " One of " + string.Join(", ", property.AllowedValues.Select(static v => "`" + v + "`")) + "." : string.Empty;
                    if (property.Pattern is { } pattern)
                    {
                        values += " Matches `" + pattern.Replace("|", "\\|") + "` as a whole.";
                    }

                    if (property.MaxLength > 0)
                    {
                        values += " At most " + property.MaxLength + " characters: " + property.MaxLengthReason?.Replace("|", "\\|");
                    }

                    text.Append("| `").Append(property.Name).Append('`').Append(property.IsOptional ? " (optional)" : string.Empty)
                        .Append(" | ").Append(CatalogueContract.GetWireType(property))
                        .Append(" | `").Append(CatalogueContract.GetKqlReader(property)).Append("()`")
                        .Append(" | ").Append(CatalogueContract.GetClassificationName(property.Classification).Replace('_', ' '))
                        .Append(" | ").Append(property.Description.Replace("|", "\\|")).Append(values).Append(" |\n");
                }
            }
        }

        return text.ToString();
    }
}
