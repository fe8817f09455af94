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

    /// <summary>The type of a property as stored in <c>customDimensions</c>, and the KQL function that reads it.</summary>
    public static (string Type, string KqlReader) Describe(PropertyDefinition property) => property.Type switch
    {
        PropertyType.Integer => ("integer", "tolong"),
        PropertyType.FloatingPoint => ("number", "todouble"),
        PropertyType.TimeSpan => ("number", "todouble"),
        PropertyType.Boolean => ("boolean", "tobool"),
        PropertyType.DateTimeOffset => ("datetime", "todatetime"),
        PropertyType.Guid when property.Classification != DataClassification.Pseudonymized => ("guid", "toguid"),
        _ => ("string", "tostring"),
    };

    public static string RenderSchema(EventCatalogue catalogue)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("catalogue", catalogue.Name);
            json.WriteString("table", "customEvents");
            json.WriteString("propertiesColumn", "customDimensions");
            json.WriteStartArray("reservedProperties");
            foreach (var name in TelemetryLimits.ReservedPropertyNames)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            json.WriteStartArray("events");
            foreach (var definition in catalogue.Events)
            {
                json.WriteStartObject();
                json.WriteString("name", definition.Name);
                json.WriteString("area", definition.Area);
                json.WriteNumber("version", definition.SchemaVersion);
                json.WriteString("description", definition.Description);
                json.WriteStartArray("properties");
                foreach (var property in definition.Properties)
                {
                    var (type, reader) = Describe(property);
                    json.WriteStartObject();
                    json.WriteString("name", property.Name);
                    json.WriteString("type", type);
                    json.WriteString("kqlReader", reader);
                    json.WriteString("clrType", property.ClrTypeName);
                    json.WriteString("classification", JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Classification.ToString()));
                    json.WriteBoolean("optional", property.IsOptional);
                    json.WriteString("description", property.Description);
                    if (property.AllowedValues.Count > 0)
                    {
                        json.WriteStartArray("allowedValues");
                        foreach (var value in property.AllowedValues)
                        {
                            json.WriteStringValue(value);
                        }

                        json.WriteEndArray();
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    public static string RenderMarkdown(EventCatalogue catalogue)
    {
        var text = new StringBuilder();
        text.Append("# Business events\n\n")
            .Append("Generated from the catalogue metadata of `").Append(catalogue.Name).Append("` by\n")
            .Append("`dotnet run --project tools/MedicApp.Telemetry.Contracts`: do not edit by hand.\n\n")
            .Append("Events land in Application Insights `customEvents`; every property is a string in `customDimensions`,\n")
            .Append("read in KQL with the reader given below (for example `todouble(customDimensions.utilization_ratio)`).\n")
            .Append("Every event also carries `event_id`, `schema_version` and `event_area`, and `event_warnings` when a value\n")
            .Append("was changed on the way out. Pseudonymized values read `{keyId}:{32 hex}`.\n");
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
                    var (type, reader) = Describe(property);
                    var values = property.AllowedValues.Count > 0 ? " One of " + string.Join(", ", property.AllowedValues.Select(static v => "`" + v + "`")) + "." : string.Empty;
                    text.Append("| `").Append(property.Name).Append('`').Append(property.IsOptional ? " (optional)" : string.Empty)
                        .Append(" | ").Append(type)
                        .Append(" | `").Append(reader).Append("()`")
                        .Append(" | ").Append(JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Classification.ToString()).Replace('_', ' '))
                        .Append(" | ").Append(property.Description.Replace("|", "\\|")).Append(values).Append(" |\n");
                }
            }
        }

        return text.ToString();
    }
}
