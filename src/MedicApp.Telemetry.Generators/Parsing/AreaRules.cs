using System.Globalization;

namespace MedicApp.Telemetry.Generators.Parsing;

/// <summary>
/// What every area must be, whatever the team's naming: it is sent with each event as <c>event_area</c> and printed on
/// console lines, so it is a short label with something in it, no control or formatting characters and no white space
/// around it (<c>"LOG-11 "</c> and <c>"LOG-11"</c> would split a dashboard in two).
/// </summary>
internal static class AreaRules
{
    /// <summary>Why <paramref name="area"/> cannot be an area, or null when it can.</summary>
    public static string? Check(string area)
    {
        if (string.IsNullOrWhiteSpace(area))
        {
            return "an area is required: name the team, feature or domain the event belongs to";
        }

        if (area.Length > TelemetryLimits.MaxAreaLength)
        {
            return "it has " + area.Length.ToString(CultureInfo.InvariantCulture) + " characters: the limit is "
                + TelemetryLimits.MaxAreaLength.ToString(CultureInfo.InvariantCulture);
        }

        if (char.IsWhiteSpace(area[0]) || char.IsWhiteSpace(area[area.Length - 1]))
        {
            return "it starts or ends with white space";
        }

        foreach (var c in area)
        {
            if (IsControl(c))
            {
                return "it holds the control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>The area as a diagnostic shows it: its control and formatting characters written as <c>\uXXXX</c>.</summary>
    public static string Display(string area)
    {
        var builder = new System.Text.StringBuilder(area.Length);
        foreach (var c in area)
        {
            if (IsControl(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // Line and paragraph separators break a console line like a newline; format characters (bidirectional overrides,
    // zero-width spaces) make two areas that look the same differ.
    private static bool IsControl(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
