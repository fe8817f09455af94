using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using MedicApp.Telemetry.Generators.Diagnostics;
using MedicApp.Telemetry.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace MedicApp.Telemetry.Generators.Parsing;

/// <summary>
/// Groups parsed events by catalogue class and runs the checks that need every event of the compilation (an event name
/// or method name declared twice), the assembly's declarations (its area pattern) or the project's C# version.
/// </summary>
internal static class CatalogueBuilder
{
    public static CompilationModel Build(ImmutableArray<EventParseResult> results, AreaPatternModel? areaPattern, LanguageVersion languageVersion)
    {
        var diagnostics = new List<DiagnosticInfo>();
        Regex? areaRegex = null;
        if (areaPattern?.Error is { } patternError)
        {
            diagnostics.Add(patternError);
        }
        else if (areaPattern is not null)
        {
            areaRegex = AreaRules.CreatePattern(areaPattern.Pattern);
        }

        var owners = new Dictionary<string, string>();
        var byType = new Dictionary<CatalogueTypeModel, List<EventModel>>();
        var typeOrder = new List<CatalogueTypeModel>();
        var typeLocations = new Dictionary<CatalogueTypeModel, LocationInfo?>();

        foreach (var result in results)
        {
            diagnostics.AddRange(result.Diagnostics);
            if (result.Catalogue is { } catalogue && !typeLocations.ContainsKey(catalogue))
            {
                typeLocations.Add(catalogue, result.CatalogueLocation);
            }

            if (result.Catalogue is not { } type || result.Event is not { } model)
            {
                continue;
            }

            if (!byType.TryGetValue(type, out var events))
            {
                events = [];
                byType.Add(type, events);
                typeOrder.Add(type);
            }

            // An area the default rules reject was reported by the parser: one diagnostic is enough.
            if (areaRegex is not null && AreaRules.Check(model.Area) is null && AreaRules.CheckAgainstPattern(model.Area, areaRegex, areaPattern!) is { } reason)
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.InvalidArea, result.EventLocation, new[] { model.Name, AreaRules.Display(model.Area), reason }.ToImmutableEquatableArray()));
                model = model with { IsValid = false };
            }

            var owner = type.FullName + "." + model.MethodName;
            if (events.Any(e => e.MethodName == model.MethodName))
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.DuplicateEventMethod, result.EventLocation, new[] { type.FullName, model.MethodName }.ToImmutableEquatableArray()));
                model = model with { IsValid = false };
            }
            else if (owners.TryGetValue(model.Name, out var firstOwner))
            {
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.DuplicateEventName, result.EventLocation, new[] { model.Name, firstOwner }.ToImmutableEquatableArray()));
                model = model with { IsValid = false };
            }
            else if (NamingConventions.IsSnakeCase(model.Name))
            {
                owners.Add(model.Name, owner);
            }

            events.Add(model);
        }

        var catalogues = typeOrder
            .OrderBy(static t => t.FullName, System.StringComparer.Ordinal)
            .Select(t => new CatalogueModel(t, byType[t].ToImmutableEquatableArray()))
            .ToImmutableEquatableArray();
        if (!LanguageVersionRule.Supports(languageVersion))
        {
            // Reported first, once per catalogue class; no code is generated that the compiler would reject on top of it.
            diagnostics.InsertRange(0, typeLocations
                .OrderBy(static t => t.Key.FullName, System.StringComparer.Ordinal)
                .Select(t => LanguageVersionRule.Diagnostic(t.Key, t.Value, languageVersion)));
            return new CompilationModel(
                ImmutableEquatableArray<CatalogueModel>.Empty,
                diagnostics.Distinct().ToImmutableEquatableArray(),
                LanguageVersionRule.SupportsStubs(languageVersion) ? catalogues.Select(LanguageVersionRule.Stub).ToImmutableEquatableArray() : ImmutableEquatableArray<StubModel>.Empty);
        }

        // A problem of the catalogue type is found once per event method: report it once.
        return new CompilationModel(catalogues, diagnostics.Distinct().ToImmutableEquatableArray(), ImmutableEquatableArray<StubModel>.Empty);
    }
}
