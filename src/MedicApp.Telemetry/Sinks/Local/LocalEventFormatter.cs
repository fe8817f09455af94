using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace MedicApp.Telemetry;

/// <summary>Formats an event for the local sink: a readable console line and a JSON lines object.</summary>
internal static class LocalEventFormatter
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = false };

    /// <summary>
    /// <c>[telemetry] patient_registered (LOG-11 v1) channel=web patient_id=dev:1f2e…</c>: the SDK's own properties
    /// are left out to keep the line short; the JSON file has everything.
    /// </summary>
    public static string FormatLine(EventRecord record)
    {
        var builder = new StringBuilder(160);
        builder.Append("[telemetry] ")
            .Append(record.Timestamp.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture))
            .Append(' ').Append(record.Name)
            .Append(" (").Append(record.Definition.Area).Append(" v").Append(record.Definition.SchemaVersion.ToString(CultureInfo.InvariantCulture)).Append(')');
        foreach (var property in record.Properties)
        {
            if (property.Name is TelemetryLimits.EventIdProperty or TelemetryLimits.SchemaVersionProperty or TelemetryLimits.AreaProperty)
            {
                continue;
            }

            builder.Append(' ').Append(property.Name).Append('=').Append(property.FormatValue());
        }

        return builder.ToString();
    }

    /// <summary>
    /// <c>{"name":…,"timestamp":…,"properties":{…}}</c>: the properties as Application Insights receives them in
    /// customDimensions.
    /// </summary>
    public static string FormatJson(EventRecord record)
    {
        using var stream = new MemoryStream(512);
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("name", record.Name);
            json.WriteString("timestamp", record.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteStartObject("properties");
            foreach (var property in record.Properties)
            {
                json.WriteString(property.Name, property.FormatValue());
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
