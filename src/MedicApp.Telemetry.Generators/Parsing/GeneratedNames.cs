using System.Linq;
using Microsoft.CodeAnalysis;

namespace MedicApp.Telemetry.Generators.Parsing;

/// <summary>
/// The names the generated code declares, in the catalogue class and in each payload struct: the parser keeps
/// declarations from clashing with them, the emitter writes them.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>The static property of every catalogue (ITelemetryCatalogue.Catalogue).</summary>
    public const string CatalogueProperty = "Catalogue";

    /// <summary>The field that holds the pipeline in the catalogue class.</summary>
    public const string PipelineField = "_medicAppTelemetryPipeline";

    /// <summary>The static property of every payload struct that returns its event definition.</summary>
    public const string DefinitionProperty = "Definition";

    // A payload property may not hide what every struct inherits (CS0108), nor be named like its struct (CS0542).
    private static readonly string[] s_inheritedMembers =
        ["Equals", "Finalize", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals", "ToString"];

    /// <summary>The payload struct of an event method: <c>VisitBooked</c> → <c>VisitBookedEvent</c>.</summary>
    public static string PayloadStruct(string methodName) => methodName + "Event";

    /// <summary>
    /// The payload property of a parameter, in PascalCase; a name the struct already has gets <c>Value</c>
    /// (<c>definition</c> → <c>DefinitionValue</c>, <c>toString</c> → <c>ToStringValue</c>).
    /// </summary>
    public static string PayloadProperty(string parameterName, string structName)
    {
        var name = NamingConventions.ToPascalCase(parameterName);
        return name == DefinitionProperty || name == structName || s_inheritedMembers.Contains(name) ? name + "Value" : name;
    }

    /// <summary>The member named <paramref name="name"/> that <paramref name="type"/> declares or inherits from a class, if any.</summary>
    public static ISymbol? FindMember(INamedTypeSymbol type, string name)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            var member = current.GetMembers(name).FirstOrDefault(static m => !m.IsImplicitlyDeclared);
            if (member is not null)
            {
                return member;
            }
        }

        return null;
    }
}
