using System.IO;
using MedicApp.Telemetry.Contracts;
using MedicApp.Telemetry.Events;
using MedicApp.Telemetry.Testing;
using Xunit;

namespace MedicApp.Telemetry.Tests.Catalogue;

/// <summary>
/// The MedicApp catalogue keeps the contract that the alerts, dashboards and KQL checks of infra/ read
/// (docs/events.schema.json): a removed or renamed event or property, a changed type or classification, fails here
/// unless the event's version goes up, and then the queries that read it must follow.
/// </summary>
public sealed class MedicAppContractTests
{
    [Fact]
    public void MedicAppCatalogue_KeepsTheContractThatMonitoringReads()
        => CatalogueContractAssert.IsCompatible(EventTracker.Catalogue, Path.Combine(RepositoryRoot.Find(), "docs", ContractRenderer.SchemaFile));
}
