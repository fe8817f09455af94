using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MedicApp.Telemetry.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MedicApp.Telemetry.Generators.Tests.Diagnostics;

/// <summary>Every diagnostic links to its section of docs/diagnostics.md, and every section belongs to a diagnostic.</summary>
public sealed class DiagnosticDocumentationTests
{
    private static readonly DiagnosticDescriptor[] s_descriptors = typeof(DiagnosticDescriptors)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(static f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(static f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void Documentation_HasOneSectionPerDiagnosticWithItsTitle()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));
        var sections = Regex.Matches(text, @"^## (MEDTEL\d{4})\r?\n\r?\n\*\*(.+?)\*\*", RegexOptions.Multiline)
            .ToDictionary(static m => m.Groups[1].Value, static m => m.Groups[2].Value);

        Assert.NotEmpty(s_descriptors);
        Assert.Equal(s_descriptors.Select(static d => d.Id).Order(), sections.Keys.Order());
        Assert.All(s_descriptors, d => Assert.Equal(d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture), sections[d.Id]));
    }

    [Fact]
    public void Diagnostics_HelpLinks_PointToTheirSectionInThePackagesRepository()
    {
        // The repository the packages' metadata and Source Link point to, as Directory.Build.props sets it.
        var repository = XDocument.Load(Path.Combine(RepositoryRoot(), "Directory.Build.props")).Descendants("RepositoryUrl").Single().Value;

        Assert.StartsWith("https://github.com/", repository, StringComparison.Ordinal);
        Assert.All(s_descriptors, d => Assert.Equal(repository + "/blob/main/docs/diagnostics.md#" + d.Id.ToLowerInvariant(), d.HelpLinkUri));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MedicApp.Telemetry.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MedicApp.Telemetry.sln was not found above " + AppContext.BaseDirectory);
    }
}
