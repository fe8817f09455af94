using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MedicApp.Telemetry.Generators.Tests.Incremental;

/// <summary>The walker behind the "no symbol in the model" check finds what it looks for.</summary>
public sealed class ModelGraphTests
{
    private sealed record Holder(string Name, IReadOnlyList<object> Items);

    [Fact]
    public void ForbiddenMembers_LocationNestedInAList_IsReportedWithItsPath()
    {
        var location = CSharpSyntaxTree.ParseText("class C { }").GetRoot().GetLocation();
        var model = new Holder("model", ["plain", location]);

        var found = ModelGraph.ForbiddenMembers(model, "Root");

        var path = Assert.Single(found);
        Assert.StartsWith("Root.<Items>k__BackingField[1]: ", path, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ForbiddenMembers_PlainValues_ReportsNothing()
    {
        var model = new Holder("model", ["plain", 42, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(1, 2)]);

        Assert.Empty(ModelGraph.ForbiddenMembers(model, "Root"));
    }
}
