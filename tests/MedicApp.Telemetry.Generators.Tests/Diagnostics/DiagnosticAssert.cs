using System.Linq;
using MedicApp.Telemetry.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MedicApp.Telemetry.Generators.Tests.Diagnostics;

/// <summary>Runs the generator over a marked catalogue and checks the one diagnostic it must report.</summary>
internal static class DiagnosticAssert
{
    /// <summary>
    /// Asserts that the generator reports exactly one diagnostic for <paramref name="markup"/>: the marked id, at the
    /// marked span and line/column span of <see cref="GeneratorHarness.CatalogueFilePath"/>, as an error whose message
    /// holds every one of <paramref name="messageParts"/>.
    /// </summary>
    public static Diagnostic ReportsSingle(string markup, params string[] messageParts)
        => ReportsSingle(GeneratorHarness.ParseOptions.LanguageVersion, markup, messageParts);

    /// <summary>
    /// Asserts that the generator, in a project compiled with C# <paramref name="languageVersion"/>, reports exactly one
    /// diagnostic for <paramref name="markup"/>, as <see cref="ReportsSingle(string, string[])"/> does.
    /// </summary>
    public static Diagnostic ReportsSingle(LanguageVersion languageVersion, string markup, params string[] messageParts)
        => ReportsSingle(languageVersion, DiagnosticSeverity.Error, markup, messageParts);

    /// <summary>
    /// Asserts that the generator reports exactly one diagnostic for <paramref name="markup"/>, as
    /// <see cref="ReportsSingle(string, string[])"/> does, but as a warning: the build goes on and the code is generated.
    /// </summary>
    public static Diagnostic ReportsSingleWarning(string markup, params string[] messageParts)
        => ReportsSingle(GeneratorHarness.ParseOptions.LanguageVersion, DiagnosticSeverity.Warning, markup, messageParts);

    private static Diagnostic ReportsSingle(LanguageVersion languageVersion, DiagnosticSeverity severity, string markup, string[] messageParts)
    {
        var marked = MarkedSource.Parse(markup);
        var run = GeneratorHarness.Run(languageVersion, marked.Source);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(marked.DiagnosticId, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);

        var lineSpan = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.CatalogueFilePath, lineSpan.Path);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.Equal(marked.LineSpan, lineSpan.Span);

        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.All(messageParts, part => Assert.Contains(part, message, System.StringComparison.Ordinal));
        return diagnostic;
    }
}
