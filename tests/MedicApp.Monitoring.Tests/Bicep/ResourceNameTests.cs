namespace MedicApp.Monitoring.Tests.Bicep;

/// <summary>
/// Every resource of the compiled template, its modules' and its loops' included, has a name Azure accepts for its
/// type: names are expanded as Azure Resource Manager expands them, not read from the source.
/// </summary>
public sealed class ResourceNameTests
{
    [Fact]
    public async Task EveryExpandedName_FollowsItsTypesRule()
    {
        var template = await BicepCli.CompiledMainAsync();

        var names = TemplateResources.Expand(template).Select(static r => (r.Type, r.Name)).ToList();

        Assert.True(names.Count >= 10, $"{names.Count} names");
        var wrong = names
            .Select(static n => (n.Type, n.Name, Problem: ResourceNameRule.ByType.TryGetValue(n.Type, out var rule) ? rule.Check(n.Name) : "no naming rule for this type"))
            .Where(static n => n.Problem is not null)
            .Select(static n => $"{n.Type} '{n.Name}': {n.Problem}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Theory]
    [InlineData("Microsoft.Insights/metricAlerts", "MedicApp - Job en echec /internal/check-reflection-period")]
    [InlineData("Microsoft.Insights/scheduledQueryRules", "ALERT-01: signatures")]
    [InlineData("Microsoft.Insights/actionGroups", "alerts.")]
    [InlineData("Microsoft.Logic/workflows", "medicapp job")]
    [InlineData("Microsoft.Portal/dashboards", "MedicApp - Monitoring")]
    [InlineData("Microsoft.Insights/workbooks", "medicapp-weekly-report")]
    public void Rule_RefusesWhatAzureRefuses(string type, string name)
        => Assert.NotNull(ResourceNameRule.ByType[type].Check(name));
}
