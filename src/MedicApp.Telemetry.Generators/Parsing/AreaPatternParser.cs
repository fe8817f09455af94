using System.Threading;
using MedicApp.Telemetry.Generators.Diagnostics;
using MedicApp.Telemetry.Generators.Model;
using Microsoft.CodeAnalysis;

namespace MedicApp.Telemetry.Generators.Parsing;

/// <summary>Reads <c>[assembly: TelemetryAreaPattern]</c> into an equatable <see cref="AreaPatternModel"/>.</summary>
internal static class AreaPatternParser
{
    public static AreaPatternModel Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var attribute = context.Attributes[0];
        var pattern = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? string.Empty : string.Empty;
        var example = string.Empty;
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Example")
            {
                example = argument.Value.Value as string ?? string.Empty;
            }
        }

        var error = AreaRules.CheckPattern(pattern, example) is { } reason
            ? DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidAreaPattern,
                attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? context.TargetNode.GetLocation(),
                AreaRules.Display(pattern),
                reason)
            : null;
        return new AreaPatternModel(pattern, example, error);
    }
}
