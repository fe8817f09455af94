using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MedicApp.Telemetry.Generators.Parsing;

/// <summary>What a catalogue class needs from its base class for the generated constructor to compile.</summary>
internal static class CatalogueChecks
{
    /// <summary>
    /// Whether <c>base()</c>, which the generated constructor calls, binds: the base class has an accessible
    /// constructor whose parameters are all optional (or none).
    /// </summary>
    public static bool HasParameterlessBaseConstructor(INamedTypeSymbol type, Compilation compilation)
    {
        var baseType = type.BaseType;
        if (baseType is null || baseType.SpecialType == SpecialType.System_Object)
        {
            return true;
        }

        return baseType.InstanceConstructors.Any(c =>
            c.Parameters.All(static p => p.IsOptional || p.IsParams) && compilation.IsSymbolAccessibleWithin(c, type));
    }

    /// <summary>The base class as written in a base list of the class (any of its parts), where a fix goes.</summary>
    public static Location? BaseTypeLocation(INamedTypeSymbol type)
        => type.DeclaringSyntaxReferences
            .Select(static r => r.GetSyntax())
            .OfType<ClassDeclarationSyntax>()
            .SelectMany(static c => c.BaseList?.Types ?? default)
            .FirstOrDefault(t => RightmostName(t.Type) == type.BaseType?.Name)?
            .GetLocation();

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.Text,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.Text,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.Text,
        _ => null,
    };
}
