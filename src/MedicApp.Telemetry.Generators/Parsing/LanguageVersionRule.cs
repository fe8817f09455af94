using System.Linq;
using MedicApp.Telemetry.Generators.Diagnostics;
using MedicApp.Telemetry.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MedicApp.Telemetry.Generators.Parsing;

/// <summary>
/// The C# version the generated code needs: C# 11, for the static abstract interface members it implements
/// (<c>ITelemetryCatalogue.Catalogue</c>, <c>ITelemetryEvent.Definition</c>). Nothing else in it needs more than C# 9
/// (partial methods with an accessibility, repeated from the catalogue's declarations).
/// </summary>
internal static class LanguageVersionRule
{
    public const LanguageVersion Minimum = LanguageVersion.CSharp11;

    // As <LangVersion> takes it: "11" (LanguageVersion.CSharp11 is 1100).
    private static readonly string MinimumMajor = ((int)Minimum / 100).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The C# version the project compiles with (<c>latest</c> and <c>default</c> resolved to a number).</summary>
    public static LanguageVersion Read(ParseOptions options)
        => options is CSharpParseOptions csharp ? csharp.LanguageVersion : Minimum;

    public static bool Supports(LanguageVersion version) => version >= Minimum;

    /// <summary>
    /// Whether the stubs of <see cref="Stub"/> compile: partial methods with an accessibility need C# 9. Below it, the
    /// catalogue's own declarations are already rejected by the compiler (CS8400), and a stub would repeat the error.
    /// </summary>
    public static bool SupportsStubs(LanguageVersion version) => version >= LanguageVersion.CSharp9;

    public static DiagnosticInfo Diagnostic(CatalogueTypeModel type, LocationInfo? location, LanguageVersion version)
        => new(
            DiagnosticDescriptors.LanguageVersionTooOld,
            location,
            new[] { type.Name, Minimum.ToDisplayString(), version.ToDisplayString(), MinimumMajor }.ToImmutableEquatableArray());

    /// <summary>
    /// The catalogue's event methods, each implemented by throwing: the tracker cannot be generated, and its methods
    /// left without an implementation would add a compiler error per event (CS8795) to the one that says what to fix.
    /// </summary>
    public static StubModel Stub(CatalogueModel catalogue)
        => new(
            catalogue.Type.FullName + ".g.cs",
            catalogue.Type.Namespace,
            new[] { "partial class " + catalogue.Type.Name }.ToImmutableEquatableArray(),
            catalogue.Events
                .Select(static e => (e.Modifiers.Length == 0 ? string.Empty : e.Modifiers + " ") + "partial void " + e.MethodName + "(" + e.Parameters + ")")
                .ToImmutableEquatableArray());
}
