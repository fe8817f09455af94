using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedicApp.Monitoring.Tests.Bicep;

/// <summary>
/// Every resource of the compiled template, its modules' and its loops' included, has a name Azure accepts for its
/// type: names are expanded as Azure Resource Manager expands them, not read from the source.
/// </summary>
public sealed class ResourceNameTests
{
    internal const string PlaceholderId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-elsewhere/providers/Microsoft.Insights/components/medicapp-ai";

    [Fact]
    public async Task EveryExpandedName_FollowsItsTypesRule()
    {
        var template = await BicepCli.CompiledMainAsync();

        var names = ExpandedNames(template, DefaultParameters(template)).ToList();

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

    // The names of every resource, a loop giving one per iteration; a module's parameters are what its caller passes.
    private static IEnumerable<(string Type, string Name)> ExpandedNames(JsonElement template, IReadOnlyDictionary<string, JsonNode?> parameters)
    {
        var resources = template.GetProperty("resources");
        var list = resources.ValueKind == JsonValueKind.Array ? resources.EnumerateArray().ToList() : resources.EnumerateObject().Select(static p => p.Value).ToList();
        foreach (var resource in list)
        {
            var type = resource.GetProperty("type").GetString()!;
            var count = resource.TryGetProperty("copy", out var copy) ? ArmExpression.Evaluate(copy.GetProperty("count"), template, parameters)!.GetValue<int>() : 1;
            for (var i = 0; i < count; i++)
            {
                int? index = resource.TryGetProperty("copy", out _) ? i : null;
                yield return (type, ArmExpression.Evaluate(resource.GetProperty("name"), template, parameters, index)!.GetValue<string>());
                if (type == "Microsoft.Resources/deployments")
                {
                    var nested = resource.GetProperty("properties").GetProperty("template");
                    var passed = resource.GetProperty("properties").TryGetProperty("parameters", out var values)
                        ? values.EnumerateObject().ToDictionary(static p => p.Name, p => Passed(p.Value, template, parameters, index))
                        : [];
                    foreach (var name in ExpandedNames(nested, WithDefaults(nested, passed)))
                    {
                        yield return name;
                    }
                }
            }
        }
    }

    // A value passed to a module may come from what only Azure knows (reference(), an output): a placeholder then.
    private static JsonNode? Passed(JsonElement parameter, JsonElement template, IReadOnlyDictionary<string, JsonNode?> parameters, int? index)
    {
        try
        {
            return ArmExpression.Evaluate(parameter.GetProperty("value"), template, parameters, index);
        }
        catch (InvalidOperationException)
        {
            return JsonValue.Create("passed-at-deployment");
        }
    }

    private static Dictionary<string, JsonNode?> DefaultParameters(JsonElement template) => WithDefaults(template, []);

    // Parameters the deployer sets get a placeholder (a resource id for an id): their values are the parameter files'.
    private static Dictionary<string, JsonNode?> WithDefaults(JsonElement template, Dictionary<string, JsonNode?> passed)
    {
        var all = new Dictionary<string, JsonNode?>(passed);
        if (!template.TryGetProperty("parameters", out var declared))
        {
            return all;
        }

        foreach (var parameter in declared.EnumerateObject().Where(p => !all.ContainsKey(p.Name)))
        {
            all[parameter.Name] = parameter.Value.TryGetProperty("defaultValue", out var value)
                ? ArmExpression.Evaluate(value, template, all)
                : JsonValue.Create(parameter.Name.EndsWith("Id", StringComparison.Ordinal) ? PlaceholderId : "set-at-deployment");
        }

        return all;
    }
}
