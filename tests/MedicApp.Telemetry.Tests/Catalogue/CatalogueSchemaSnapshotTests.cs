using System.Linq;
using MedicApp.Telemetry.Events;
using MedicApp.Tests.Shared;
using Xunit;

namespace MedicApp.Telemetry.Tests.Catalogue;

/// <summary>
/// The schema of every event, as the run-time catalogue describes it, kept in a reviewed snapshot: a renamed property,
/// a changed type or classification, a new event shows in the review of the change that makes it.
/// </summary>
public sealed class CatalogueSchemaSnapshotTests
{
    [Fact]
    public void CatalogueSchema_MatchesTheReviewedSnapshot()
    {
        var schema = EventTracker.Catalogue.Events
            .OrderBy(static e => e.Name, System.StringComparer.Ordinal)
            .Select(static e => new
            {
                e.Name,
                e.Area,
                e.SchemaVersion,
                e.MethodName,
                e.Description,
                Properties = e.Properties.Select(static p => new
                {
                    p.Name,
                    Type = p.Type.ToString(),
                    Classification = p.Classification.ToString(),
                    p.IsOptional,
                    p.ClrTypeName,
                    p.Description,
                    p.AllowedValues,
                }),
            });

        SnapshotAssert.Match(new { Catalogue = EventTracker.Catalogue.Name, Events = schema });
    }
}
