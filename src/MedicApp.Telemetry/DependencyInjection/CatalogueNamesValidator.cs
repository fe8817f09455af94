using System;
using System.Collections.Generic;
using MedicApp.Telemetry.Events;
using Microsoft.Extensions.Options;

namespace MedicApp.Telemetry;

/// <summary>
/// Refuses to start when two catalogues declare the same event name: the generator sees one compilation at a time,
/// and events of one name from two catalogues would mix in <c>customEvents</c> with different properties.
/// </summary>
internal sealed class CatalogueNamesValidator(IEnumerable<CatalogueRegistration> catalogues) : IValidateOptions<MedicAppTelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, MedicAppTelemetryOptions options)
    {
        var declaredBy = new Dictionary<string, Type>(StringComparer.Ordinal);
        List<string>? failures = null;
        Check(typeof(EventTracker), EventTracker.Catalogue, declaredBy, ref failures);
        foreach (var registration in catalogues)
        {
            if (registration.CatalogueType != typeof(EventTracker))
            {
                Check(registration.CatalogueType, registration.Catalogue, declaredBy, ref failures);
            }
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(Type catalogueType, EventCatalogue catalogue, Dictionary<string, Type> declaredBy, ref List<string>? failures)
    {
        foreach (var definition in catalogue.Events)
        {
            if (declaredBy.TryAdd(definition.Name, catalogueType))
            {
                continue;
            }

            (failures ??= []).Add(
                $"The event '{definition.Name}' is declared by two catalogues, {declaredBy[definition.Name].FullName} and {catalogueType.FullName}: " +
                "their events would be sent under one name to customEvents. Rename the event in one of them ([TelemetryEvent(\"new_name\")]).");
        }
    }
}
