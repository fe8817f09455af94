using System.Text.Json;

namespace MedicApp.Monitoring.Tests.Bicep;

/// <summary>What the compiled template deploys: the sprint's names letter for letter, the queries of infra/queries, no secret.</summary>
public sealed class CompiledTemplateTests
{
    public static TheoryData<string> SprintNames =>
    [
        "medicapp-alerts-email",
        "MedicApp - Erreurs 5xx",
        "MedicApp - Temps de reponse degrade",
        "MedicApp - Exceptions backend",
        "MedicApp - CPU eleve",
        "MedicApp - Memoire elevee",
        "MedicApp - Connexions DB elevees",
        "MedicApp - Stockage DB eleve",
        "medicapp-monitoring-dashboard",
        "/internal/check-reflection-period",
        "/internal/check-abandoned-journeys",
        "X-Internal-Key",
    ];

    [Theory]
    [MemberData(nameof(SprintNames))]
    public async Task Template_HoldsTheSprintName(string name)
    {
        var template = (await BicepCli.BuildMainAsync()).Output;

        Assert.Contains(JsonSerializer.Serialize(name)[1..^1], template, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_DeploysEveryKindOfResource()
    {
        var resources = Resources(await BicepCli.CompiledMainAsync()).Select(static r => r.GetProperty("type").GetString()).ToList();

        Assert.Single(resources, static t => t == "Microsoft.Insights/actionGroups");
        Assert.Single(resources, static t => t == "Microsoft.Insights/scheduledQueryRules");
        Assert.Single(resources, static t => t == "Microsoft.Portal/dashboards");
        Assert.Single(resources, static t => t == "Microsoft.Insights/workbooks");
        Assert.Equal(4, resources.Count(static t => t == "Microsoft.Insights/metricAlerts"));
        Assert.Equal(2, resources.Count(static t => t == "Microsoft.Logic/workflows"));
    }

    [Fact]
    public async Task LogAlerts_CarryTheirIdsAndRunTheQueryFiles()
    {
        var module = Module(await BicepCli.CompiledMainAsync(), "medicapp-business-alerts");

        var alerts = module.GetProperty("variables").GetProperty("alerts").EnumerateArray().ToList();
        var files = Directory.GetFiles(Repository.PathOf("infra/queries"), "alert-*.kql").Append(Repository.PathOf("infra/queries/job-heartbeat.kql")).Select(File.ReadAllText).ToHashSet();
        Assert.Equal(["ALERT-01", "ALERT-02", "ALERT-03", "ALERT-04", "ALERT-05", "ALERT-05", "ALERT-06", "Job"], alerts.Select(static a => a.GetProperty("name").GetString()!.Split(' ')[2]));
        var queries = alerts.Select(a => Resolve(module, a.GetProperty("query"))).ToList();
        Assert.All(queries, q => Assert.Contains(q, files));
        Assert.Equal(files.Count, queries.Distinct().Count());
    }

    [Fact]
    public async Task DashboardTiles_RunTheQueryFiles()
    {
        var module = Module(await BicepCli.CompiledMainAsync(), "medicapp-dashboard");

        var queries = module.GetProperty("variables").GetProperty("tiles").EnumerateArray().Select(t => Resolve(module, t.GetProperty("query"))).ToHashSet();
        var expected = Directory.GetFiles(Repository.PathOf("infra/queries"), "*.kql")
            .Where(static f => Path.GetFileName(f).StartsWith("dash-0", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("dash-06", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("m1-", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToHashSet();
        Assert.Equal(expected.Order(), queries.Order());
        var dashboard = Resources(module).Single(static r => r.GetProperty("type").GetString() == "Microsoft.Portal/dashboards");
        Assert.True(dashboard.GetProperty("name").GetString()!.Length <= 24);
        Assert.Equal("medicapp-monitoring-dashboard", dashboard.GetProperty("tags").GetProperty("hidden-title").GetString());
    }

    [Fact]
    public async Task InternalKey_IsSecureAndNeverInClear()
    {
        var template = await BicepCli.CompiledMainAsync();

        Assert.Equal("securestring", template.GetProperty("parameters").GetProperty("internalJobsKey").GetProperty("type").GetString());
        var schedules = Module(template, "medicapp-job-schedules");
        Assert.Equal("securestring", schedules.GetProperty("parameters").GetProperty("internalJobsKey").GetProperty("type").GetString());
        var workflow = Resources(schedules).First(static r => r.GetProperty("type").GetString() == "Microsoft.Logic/workflows").GetProperty("properties");
        Assert.Equal("SecureString", workflow.GetProperty("definition").GetProperty("parameters").GetProperty("internalJobsKey").GetProperty("type").GetString());
        Assert.Equal("@parameters('internalJobsKey')", workflow.GetProperty("definition").GetProperty("actions").GetProperty("untilDone").GetProperty("actions").GetProperty("runJob").GetProperty("inputs").GetProperty("headers").GetProperty("X-Internal-Key").GetString());
        Assert.DoesNotContain("internalJobsKey", template.GetProperty("outputs").GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("internalJobsKey", schedules.GetProperty("outputs").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobSchedules_CallAgainWhileTheApiSaysMoreWait()
    {
        var workflows = TemplateResources.Expand(await BicepCli.CompiledMainAsync())
            .Where(static r => r.Type == "Microsoft.Logic/workflows" && r.Name.StartsWith("medicapp-job-", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(2, workflows.Count);
        Assert.All(workflows, static workflow =>
        {
            var loop = workflow.Properties!["definition"]!["actions"]!["untilDone"]!;
            Assert.Equal("Until", loop["type"]!.GetValue<string>());
            Assert.Equal("@not(equals(body('runJob')?['more'], true))", loop["expression"]!.GetValue<string>());
            Assert.Equal("Http", loop["actions"]!["runJob"]!["type"]!.GetValue<string>());
            Assert.Equal("Hour", workflow.Properties["definition"]!["triggers"]!["recurrence"]!["recurrence"]!["frequency"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task WeeklyReportReader_IsAssignedInTheComponentsOwnResourceGroup()
    {
        var report = Resources(await BicepCli.CompiledMainAsync())
            .Single(static r => r.GetProperty("type").GetString() == "Microsoft.Resources/deployments" && r.GetProperty("name").GetString() == "medicapp-weekly-report");
        var module = report.GetProperty("properties").GetProperty("template");
        var parameters = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["applicationInsightsId"] = TemplateResources.PlaceholderId };

        var reader = Resources(module).Single(static r => r.GetProperty("type").GetString() == "Microsoft.Resources/deployments");

        Assert.Equal("rg-elsewhere", ArmExpression.Evaluate(reader.GetProperty("resourceGroup"), module, parameters)!.GetValue<string>());
        Assert.Equal("00000000-0000-0000-0000-000000000000", ArmExpression.Evaluate(reader.GetProperty("subscriptionId"), module, parameters)!.GetValue<string>());
        Assert.Contains(Resources(reader.GetProperty("properties").GetProperty("template")), static r => r.GetProperty("type").GetString() == "Microsoft.Authorization/roleAssignments");
    }

    [Fact]
    public async Task EveryQueryFile_IsDeployedOrDocumented()
    {
        var sources = string.Join('\n', Directory.GetFiles(Repository.PathOf("infra"), "*.bicep", SearchOption.AllDirectories).Select(File.ReadAllText));
        var docs = string.Join('\n', Directory.GetFiles(Repository.PathOf("docs"), "*.md").Select(File.ReadAllText));

        Assert.All(Directory.GetFiles(Repository.PathOf("infra/queries"), "*.kql"), file =>
        {
            var name = Path.GetFileName(file);
            Assert.True(sources.Contains($"../queries/{name}", StringComparison.Ordinal) || docs.Contains($"infra/queries/{name}", StringComparison.Ordinal), $"{name} is used by no template and no document.");
        });
        Assert.DoesNotMatch(@"\|\s*(where|summarize|project|extend)\b", sources);
    }

    // loadTextContent puts a file's text in a variable of its own, which the value then names.
    private static string Resolve(JsonElement template, JsonElement value)
    {
        var text = value.GetString()!;
        return text.StartsWith("[variables('", StringComparison.Ordinal)
            ? template.GetProperty("variables").GetProperty(text["[variables('".Length..^"')]".Length]).GetString()!
            : text;
    }

    private static JsonElement Module(JsonElement template, string name)
        => Resources(template).Single(r => r.GetProperty("type").GetString() == "Microsoft.Resources/deployments" && r.GetProperty("name").GetString() == name)
            .GetProperty("properties").GetProperty("template");

    // The template's resources, those of its modules included; a template's resources may be an array or an object.
    private static IEnumerable<JsonElement> Resources(JsonElement template)
    {
        var resources = template.GetProperty("resources");
        var list = resources.ValueKind == JsonValueKind.Array ? resources.EnumerateArray().ToList() : resources.EnumerateObject().Select(static p => p.Value).ToList();
        foreach (var resource in list)
        {
            yield return resource;
            if (resource.GetProperty("type").GetString() == "Microsoft.Resources/deployments")
            {
                foreach (var nested in Resources(resource.GetProperty("properties").GetProperty("template")))
                {
                    yield return nested;
                }
            }
        }
    }
}
