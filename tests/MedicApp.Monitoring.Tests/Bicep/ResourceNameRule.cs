using System.Text.RegularExpressions;

namespace MedicApp.Monitoring.Tests.Bicep;

/// <summary>
/// Azure's naming rule for one resource type, as "Naming rules and restrictions for Azure resources"
/// (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules) states it.
/// </summary>
internal sealed record ResourceNameRule(int MinLength, int MaxLength, string Rule, Func<string, bool> Allows)
{
    private const string Guid = "Must be a GUID.";

    private static readonly Regex s_guid = new("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant);

    /// <summary>The rules of the types the templates deploy; a type missing here fails the test until its rule is added.</summary>
    public static readonly IReadOnlyDictionary<string, ResourceNameRule> ByType = new Dictionary<string, ResourceNameRule>(StringComparer.OrdinalIgnoreCase)
    {
        ["Microsoft.Insights/actionGroups"] = Excluding(1, 260, ":<>+/&%\\?"),
        ["Microsoft.Insights/components"] = Excluding(1, 260, "%&\\?/"),
        ["Microsoft.Insights/scheduledQueryRules"] = Excluding(1, 260, "*<>%{}&:\\?/#"),
        ["Microsoft.Insights/metricAlerts"] = Excluding(1, 260, "*#&+:<>?@%{}\\/"),
        ["Microsoft.Insights/activityLogAlerts"] = Excluding(1, 260, "<>*%{}&:\\?+/#"),
        ["Microsoft.Insights/workbooks"] = new(36, 36, Guid, static n => s_guid.IsMatch(n)),
        ["Microsoft.Authorization/roleAssignments"] = new(36, 36, Guid, static n => s_guid.IsMatch(n)),
        ["Microsoft.ManagedIdentity/userAssignedIdentities"] = Only(3, 128, "Alphanumerics, hyphens, and underscores. Start with letter or number.", "^[A-Za-z0-9][A-Za-z0-9_-]*$"),
        ["Microsoft.Logic/workflows"] = Only(1, 80, "Alphanumerics, hyphens, underscores, periods, and parenthesis.", "^[A-Za-z0-9_.()-]+$"),
        ["Microsoft.Portal/dashboards"] = Only(3, 160, "Alphanumerics and hyphens.", "^[A-Za-z0-9-]+$"),
        ["Microsoft.Resources/deployments"] = Only(1, 64, "Alphanumerics, underscores, parentheses, hyphens, and periods.", "^[A-Za-z0-9_().-]+$"),

        // Not in the page: the characters every listed type allows.
        ["Microsoft.Web/connections"] = Only(1, 80, "Not listed: alphanumerics, hyphens, underscores and periods, which every listed type allows.", "^[A-Za-z0-9_.-]+$"),
    };

    public string? Check(string name)
        => name.Length < MinLength || name.Length > MaxLength ? $"{name.Length} characters, not {MinLength}-{MaxLength}"
            : !Allows(name) ? Rule
            : null;

    private static ResourceNameRule Excluding(int min, int max, string forbidden)
        => new(min, max, $"Can't use {forbidden} or control characters; can't end with space or period.",
            n => n.IndexOfAny(forbidden.ToCharArray()) < 0 && !n.Any(char.IsControl) && !n.EndsWith(' ') && !n.EndsWith('.'));

    private static ResourceNameRule Only(int min, int max, string rule, string pattern)
    {
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);
        return new(min, max, rule, regex.IsMatch);
    }
}
