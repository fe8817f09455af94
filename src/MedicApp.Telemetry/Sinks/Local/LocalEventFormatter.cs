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
    /// are left out to keep the line short; the JSON file has everything. A value is printed as is when it is made of
    /// visible characters other than <c>"</c> and <c>=</c>; otherwise it is quoted, with <c>\"</c>, <c>\\</c>,
    /// <c>\n</c>, <c>\r</c>, <c>\t</c> and <c>\uXXXX</c> for other control, line-breaking or direction characters:
    /// <c>locale="fr FR"</c>, <c>reason="a\nb"</c>. A value can thus never start a line of its own or pass for another
    /// property.
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

            builder.Append(' ').Append(property.Name).Append('=');
            AppendValue(builder, property.FormatValue());
        }

        return builder.ToString();
    }

    private static void AppendValue(StringBuilder builder, string value)
    {
        if (value.Length > 0 && !NeedsQuotes(value))
        {
            builder.Append(value);
            return;
        }

        builder.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (MustEscape(value, i))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    private static bool NeedsQuotes(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '"' or '=' || char.IsWhiteSpace(c) || MustEscape(value, i))
            {
                return true;
            }
        }

        return false;
    }

    // Control characters (a new line would start a forged event line), line and paragraph separators, the marks
    // that reverse the direction of what follows, and half a surrogate pair, which terminals show unpredictably.
    private static bool MustEscape(string value, int index)
    {
        var c = value[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= value.Length || !char.IsLowSurrogate(value[index + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return index == 0 || !char.IsHighSurrogate(value[index - 1]);
        }

        return char.IsControl(c) || c is '\u2028' or '\u2029' or '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
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
