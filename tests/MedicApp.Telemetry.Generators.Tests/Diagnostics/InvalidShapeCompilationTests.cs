using System.Linq;
using MedicApp.Telemetry.Generators.Tests.Infrastructure;
using Xunit;

namespace MedicApp.Telemetry.Generators.Tests.Diagnostics;

/// <summary>
/// Event methods and catalogue types of a shape the generator does not support are reported once, by their MEDTEL
/// diagnostic, with no compiler error from generated code on top.
/// </summary>
public sealed class InvalidShapeCompilationTests
{
    private const string Attribute = "[TelemetryEvent(\"order_placed\", Area = \"SHP-1\", Description = \"An order was placed.\")]";

    [Theory]
    [InlineData("MEDTEL0012", "public partial class Shop { " + Attribute + " public static partial void OrderPlaced([NotPersonal] int items); }")]
    [InlineData("MEDTEL0012", "public partial class Shop { " + Attribute + " public partial void OrderPlaced<T>([NotPersonal] int items); }")]
    [InlineData("MEDTEL0012", "public partial class Shop { " + Attribute + " public partial int OrderPlaced([NotPersonal] int items); }")]
    [InlineData("MEDTEL0012", "public partial class Shop { " + Attribute + " public virtual partial void OrderPlaced([NotPersonal] int items); }")]
    [InlineData("MEDTEL0012", "public partial class Shop { " + Attribute + " public void OrderPlaced([NotPersonal] int items) { } }")]
    [InlineData("MEDTEL0013", "public partial class Outer { public partial class Shop { " + Attribute + " public partial void OrderPlaced([NotPersonal] int items); } }")]
    [InlineData("MEDTEL0013", "public partial class Shop<T> { " + Attribute + " public partial void OrderPlaced([NotPersonal] int items); }")]
    [InlineData("MEDTEL0013", "public partial record Shop { " + Attribute + " public partial void OrderPlaced([NotPersonal] int items); }")]
    [InlineData("MEDTEL0013", "public partial struct Shop { " + Attribute + " public partial void OrderPlaced([NotPersonal] int items); }")]
    [InlineData("MEDTEL0013", "public abstract partial class Shop { " + Attribute + " public partial void OrderPlaced([NotPersonal] int items); }")]
    [InlineData("MEDTEL0022", "public partial class Shop { public Shop(int seed) { } " + Attribute + " public partial void OrderPlaced([NotPersonal] int items); }")]
    [InlineData("MEDTEL0023", "public partial class Shop { " + Attribute + " public partial void Catalogue([NotPersonal] int items); }")]
    [InlineData("MEDTEL0023", "public partial class Shop { " + Attribute + " public partial void OrderPlaced([NotPersonal] int items); public int OrderPlacedEvent => 0; }")]
    [InlineData("MEDTEL0023", "public partial class Shop { " + Attribute + " public partial void OrderPlaced([NotPersonal(Name = \"a\")] int x, [NotPersonal(Name = \"b\")] int X); }")]
    public void OutputCompilation_UnsupportedShape_HasOnlyTheMedtelDiagnostic(string id, string declaration)
    {
        var run = GeneratorHarness.Run("using MedicApp.Telemetry;\n\nnamespace Shop;\n\n" + declaration);

        Assert.Equal([id], run.GeneratorDiagnostics.Select(static d => d.Id).Distinct());
        Assert.Empty(run.OutputErrors.Select(static d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
