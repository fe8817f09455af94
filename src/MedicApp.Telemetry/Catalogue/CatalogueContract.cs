using System;
using System.Buffers;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace MedicApp.Telemetry;

/// <summary>
/// The contract a catalogue keeps with the queries, dashboards and alerts that read its events in Application Insights:
/// every event with its area and version, and every property with its wire name, the type its text holds in
/// <c>customDimensions</c> (a pseudonymized Guid is a string), its KQL reader, its privacy classification and the values
/// an enum can take. Rendered as JSON, it is what a KQL checker binds queries against and what
/// MedicApp.Telemetry.Testing compares with a committed baseline to catch breaking changes.
/// </summary>
public static class CatalogueContract
{
    /// <summary>Renders the contract of <paramref name="catalogue"/> as indented JSON, events sorted by name.</summary>
    /// <param name="catalogue">The catalogue, such as <c>ClinicEvents.Catalogue</c>.</param>
    /// <returns>The JSON text, with <c>\n</c> line ends and a final one, so that it diffs the same on every machine.</returns>
    public static string ToJson(EventCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
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
            foreach (var definition in catalogue.Events.OrderBy(static e => e.Name, StringComparer.Ordinal))
            {
                WriteEvent(json, definition);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>
    /// Gets the type of the text a property holds in <c>customDimensions</c>: <c>string</c>, <c>integer</c>,
    /// <c>number</c> (a duration too, in milliseconds), <c>boolean</c>, <c>datetime</c> or <c>guid</c>. A pseudonymized
    /// identifier is a <c>string</c>, whatever its type in C#.
    /// </summary>
    /// <param name="property">The property.</param>
    /// <returns>The wire type.</returns>
    public static string GetWireType(PropertyDefinition property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.Type switch
        {
            PropertyType.Integer => "integer",
            PropertyType.FloatingPoint or PropertyType.TimeSpan => "number",
            PropertyType.Boolean => "boolean",
            PropertyType.DateTimeOffset => "datetime",
            PropertyType.Guid when property.Classification != DataClassification.Pseudonymized => "guid",
            _ => "string",
        };
    }

    /// <summary>Gets the KQL function that reads the property: <c>tolong</c>, <c>todouble</c>, <c>tobool</c>, …</summary>
    /// <param name="property">The property.</param>
    /// <returns>The function name, as in <c>tolong(customDimensions.page_count)</c>.</returns>
    public static string GetKqlReader(PropertyDefinition property) => GetWireType(property) switch
    {
        "integer" => "tolong",
        "number" => "todouble",
        "boolean" => "tobool",
        "datetime" => "todatetime",
        "guid" => "toguid",
        _ => "tostring",
    };

    /// <summary>Gets the classification as the contract writes it: <c>not_personal</c>, <c>pseudonymized</c>, …</summary>
    /// <param name="classification">The classification.</param>
    /// <returns>Its snake_case name.</returns>
    public static string GetClassificationName(DataClassification classification) => classification switch
    {
        DataClassification.NotPersonal => "not_personal",
        DataClassification.Pseudonymized => "pseudonymized",
        DataClassification.FreeText => "free_text",
        DataClassification.PersonalData => "personal_data",
        _ => classification.ToString().ToLowerInvariant(),
    };

    private static void WriteEvent(Utf8JsonWriter json, EventDefinition definition)
    {
        json.WriteStartObject();
        json.WriteString("name", definition.Name);
        json.WriteString("area", definition.Area);
        json.WriteNumber("version", definition.SchemaVersion);
        json.WriteString("description", definition.Description);
        json.WriteStartArray("properties");
        foreach (var property in definition.Properties)
        {
            json.WriteStartObject();
            json.WriteString("name", property.Name);
            json.WriteString("type", GetWireType(property));
            json.WriteString("kqlReader", GetKqlReader(property));
            json.WriteString("clrType", property.ClrTypeName);
            json.WriteString("classification", GetClassificationName(property.Classification));
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

            if (property.Pattern is not null)
            {
                json.WriteString("pattern", property.Pattern);
            }

            if (property.MaxLength > 0)
            {
                json.WriteNumber("maxLength", property.MaxLength);
                json.WriteString("maxLengthReason", property.MaxLengthReason);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
