using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using MedicApp.Telemetry.Generators.Diagnostics;
using MedicApp.Telemetry.Generators.Model;
using Microsoft.CodeAnalysis;

namespace MedicApp.Telemetry.Generators.Parsing;

/// <summary>
/// Checks the shape a <c>[NotPersonal]</c> property declares (<c>AllowedValues</c>, <c>Pattern</c>, <c>MaxLength</c>
/// with a <c>Reason</c>) and turns it into a <see cref="StringShapeModel"/>.
/// </summary>
internal static class ShapeRules
{
    // RegexOptions.NonBacktracking (.NET 7+), which netstandard2.0 does not name: the compiler runs on .NET, so the
    // pattern is checked by the engine that runs it.
    private const RegexOptions NonBacktracking = (RegexOptions)1024;

    /// <summary>The named arguments of one <c>[NotPersonal]</c> attribute that declare a shape; null when absent.</summary>
    internal sealed class Arguments
    {
        public List<string?>? AllowedValues { get; set; }

        public string? Pattern { get; set; }

        public int? MaxLength { get; set; }

        public string? Reason { get; set; }

        public bool IsEmpty => AllowedValues is null && Pattern is null && MaxLength is null && Reason is null;

        /// <summary>Reads a named argument of the attribute; false when it is not a shape argument.</summary>
        public bool TryRead(string name, TypedConstant value)
        {
            switch (name)
            {
                case "AllowedValues":
                    AllowedValues = value.IsNull ? [] : value.Values.Select(static v => v.Value as string).ToList();
                    return true;
                case "Pattern":
                    Pattern = value.Value as string ?? string.Empty;
                    return true;
                case "MaxLength":
                    MaxLength = value.Value is int length ? length : 0;
                    return true;
                case "Reason":
                    Reason = value.Value as string ?? string.Empty;
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>
    /// Checks <paramref name="arguments"/> for a property of <paramref name="kind"/>; false (and an error) when the
    /// declaration is wrong. <paramref name="shape"/> is null for a property that declares none.
    /// </summary>
    public static bool TryRead(
        Arguments? arguments, PropertyKind kind, string parameterName, string typeDisplay, Location? location, List<DiagnosticInfo> diagnostics, out StringShapeModel? shape)
    {
        shape = null;
        var declared = new List<string>(3);
        if (arguments?.AllowedValues is not null)
        {
            declared.Add("AllowedValues");
        }

        if (arguments?.Pattern is not null)
        {
            declared.Add("Pattern");
        }

        if (arguments?.MaxLength is not null)
        {
            declared.Add("MaxLength");
        }

        if (kind != PropertyKind.String)
        {
            if (arguments is null || arguments.IsEmpty)
            {
                return true;
            }

            if (arguments.Reason is not null)
            {
                declared.Add("Reason");
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ShapeOnNonString, location, parameterName, typeDisplay, string.Join(", ", declared)));
            return false;
        }

        if (arguments is null || arguments.IsEmpty)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPersonalStringWithoutShape, location, parameterName));
            return true;
        }

        if (declared.Count > 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConflictingShapes, location, parameterName, string.Join(" and ", declared)));
            return false;
        }

        if (arguments.Reason is not null && arguments.MaxLength is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReasonWithoutMaxLength, location, parameterName));
            return false;
        }

        if (arguments.AllowedValues is { } values)
        {
            if (CheckAllowedValues(values) is { } problem)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidAllowedValues, location, parameterName, problem));
                return false;
            }

            shape = new StringShapeModel(values.Select(static v => v!).ToImmutableEquatableArray(), null, 0, null);
            return true;
        }

        if (arguments.Pattern is { } pattern)
        {
            if (CheckPattern(pattern) is { } problem)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidShapePattern, location, parameterName, AreaRules.Display(pattern), problem));
                return false;
            }

            shape = new StringShapeModel(ImmutableEquatableArray<string>.Empty, pattern, 0, null);
            return true;
        }

        var maxLength = arguments.MaxLength!.Value;
        var display = maxLength.ToString(CultureInfo.InvariantCulture);
        if (maxLength < 1 || maxLength > TelemetryLimits.MaxPropertyValueLength)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidMaxLength, location, parameterName, display, TelemetryLimits.MaxPropertyValueLength.ToString(CultureInfo.InvariantCulture)));
            return false;
        }

        if (string.IsNullOrWhiteSpace(arguments.Reason))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MaxLengthWithoutReason, location, parameterName, display));
            return false;
        }

        shape = new StringShapeModel(ImmutableEquatableArray<string>.Empty, null, maxLength, arguments.Reason);
        return true;
    }

    /// <summary>The regular expression the run time builds from a pattern: the whole value must match, to its last character.</summary>
    public static string WholeValue(string pattern) => @"\A(?:" + pattern + @")\z";

    /// <summary>Why <paramref name="pattern"/> cannot be a shape, or null when it can.</summary>
    public static string? CheckPattern(string pattern)
    {
        if (pattern.Length == 0)
        {
            return "it is empty, so it would accept any text";
        }

        try
        {
            _ = new Regex(WholeValue(pattern), RegexOptions.CultureInvariant);
        }
        catch (ArgumentException exception)
        {
            return "it is not a valid .NET regular expression (" + exception.Message + ")";
        }

        try
        {
            _ = new Regex(WholeValue(pattern), RegexOptions.CultureInvariant | NonBacktracking);
        }
        catch (NotSupportedException exception)
        {
            return "the linear-time engine (RegexOptions.NonBacktracking) that checks values at run time does not support it: "
                + exception.Message + " Use no backreference, lookaround, atomic group or conditional.";
        }
        catch (ArgumentOutOfRangeException)
        {
            // A compiler host older than .NET 7: the engine cannot be asked here; the run time still uses it.
        }

        return null;
    }

    private static string? CheckAllowedValues(List<string?> values)
    {
        if (values.Count == 0)
        {
            return "it lists no value; list the values the property takes";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (string.IsNullOrEmpty(value))
            {
                return "value #" + (i + 1).ToString(CultureInfo.InvariantCulture) + " is null or empty (an absent value is a nullable string)";
            }

            if (value!.Length > TelemetryLimits.MaxPropertyValueLength)
            {
                return "value #" + (i + 1).ToString(CultureInfo.InvariantCulture) + " is longer than " + TelemetryLimits.MaxPropertyValueLength.ToString(CultureInfo.InvariantCulture) + " characters";
            }

            if (!seen.Add(value))
            {
                return "'" + AreaRules.Display(value) + "' is listed twice";
            }
        }

        return null;
    }
}
