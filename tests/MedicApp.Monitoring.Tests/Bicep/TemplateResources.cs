using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedicApp.Monitoring.Tests.Bicep;

/// <summary>One resource of a compiled template as Azure Resource Manager deploys it: one per loop iteration.</summary>
/// <param name="Type">Its type, such as Microsoft.Insights/metricAlerts.</param>
/// <param name="Name">Its expanded name.</param>
/// <param name="Properties">Its expanded properties; <see cref="ArmExpression.AtDeployment"/> where only Azure knows the value.</param>
/// <param name="Source">Its declaration in the template, expressions unevaluated.</param>
internal sealed record DeployedResource(string Type, string Name, JsonNode? Properties, JsonElement Source);

/// <summary>Expands every resource of a compiled template, its modules' and its loops' included.</summary>
internal static class TemplateResources
{
    public const string PlaceholderId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-elsewhere/providers/Microsoft.Insights/components/medicapp-ai";

    public static IEnumerable<DeployedResource> Expand(JsonElement template) => Expand(template, WithDefaults(template, []));

    // A module's parameters are what its caller passes.
    private static IEnumerable<DeployedResource> Expand(JsonElement template, IReadOnlyDictionary<string, JsonNode?> parameters)
    {
        var resources = template.GetProperty("resources");
        var list = resources.ValueKind == JsonValueKind.Array ? resources.EnumerateArray().ToList() : resources.EnumerateObject().Select(static p => p.Value).ToList();
        // An existing resource is looked up, not deployed.
        foreach (var resource in list.Where(static r => !(r.TryGetProperty("existing", out var existing) && existing.GetBoolean())))
        {
            var type = resource.GetProperty("type").GetString()!;
            var looped = resource.TryGetProperty("copy", out var copy);
            var count = looped ? ArmExpression.Evaluate(copy.GetProperty("count"), template, parameters)!.GetValue<int>() : 1;
            for (var i = 0; i < count; i++)
            {
                int? index = looped ? i : null;
                var name = ArmExpression.Evaluate(resource.GetProperty("name"), template, parameters, index)!.GetValue<string>();
                if (type != "Microsoft.Resources/deployments")
                {
                    var properties = resource.TryGetProperty("properties", out var declared) ? ArmExpression.EvaluateDeep(declared, template, parameters, index) : null;
                    yield return new DeployedResource(type, name, properties, resource);
                    continue;
                }

                yield return new DeployedResource(type, name, null, resource);
                var nested = resource.GetProperty("properties").GetProperty("template");
                var passed = resource.GetProperty("properties").TryGetProperty("parameters", out var values)
                    ? values.EnumerateObject().ToDictionary(static p => p.Name, p => Passed(p.Value, template, parameters, index))
                    : [];
                foreach (var inner in Expand(nested, WithDefaults(nested, passed)))
                {
                    yield return inner;
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
