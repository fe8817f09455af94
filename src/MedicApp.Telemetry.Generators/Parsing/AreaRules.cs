using System;
using System.Globalization;
using System.Text.RegularExpressions;
using MedicApp.Telemetry.Generators.Model;

namespace MedicApp.Telemetry.Generators.Parsing;

/// <summary>
/// What every area must be, whatever the team's naming: it is sent with each event as <c>event_area</c> and printed on
/// console lines, so it is a short label with something in it, no control or formatting characters and no white space
/// around it (<c>"LOG-11 "</c> and <c>"LOG-11"</c> would split a dashboard in two). An assembly may add a naming
/// convention of its own, <c>[assembly: TelemetryAreaPattern]</c>, that a whole area must match.
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

    /// <summary>Why the pattern of <c>[assembly: TelemetryAreaPattern]</c> cannot be used, or null when it can.</summary>
    public static string? CheckPattern(string pattern, string example)
    {
        if (pattern.Length == 0)
        {
            return "it is empty";
        }

        Regex regex;
        try
        {
            regex = CreatePattern(pattern);
        }
        catch (ArgumentException exception)
        {
            return "it is not a valid .NET regular expression (" + exception.Message + ")";
        }

        return example.Length == 0 || MatchesWhole(regex, example) == true
            ? null
            : "its Example '" + Display(example) + "' does not match it";
    }

    /// <summary>The regular expression of a pattern <see cref="CheckPattern"/> accepted.</summary>
    public static Regex CreatePattern(string pattern)
        => new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Why <paramref name="area"/> does not follow the assembly's <paramref name="pattern"/>, or null when it does.</summary>
    public static string? CheckAgainstPattern(string area, Regex regex, AreaPatternModel pattern)
    {
        var source = "the pattern '" + Display(pattern.Pattern) + "' of [assembly: TelemetryAreaPattern]";
        return MatchesWhole(regex, area) switch
        {
            true => null,
            false => "the areas of this assembly match " + source
                + (pattern.Example.Length == 0 ? string.Empty : ", such as '" + Display(pattern.Example) + "'"),
            null => "matching it against " + source + " took more than a second: simplify the pattern",
        };
    }

    // The whole area, as [RegularExpression] checks a value: "LOG-[0-9]{2}" does not accept "XLOG-11". Null: timed out.
    private static bool? MatchesWhole(Regex regex, string area)
    {
        try
        {
            var match = regex.Match(area);
            return match.Success && match.Index == 0 && match.Length == area.Length;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
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
