using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Reflection;
using MedicApp.Telemetry.Contracts;
using MedicApp.Telemetry.Events;
using Xunit;

namespace MedicApp.Telemetry.Tests.Packaging;

/// <summary>
/// The declared public API of the main package lists what a user writes; what only generated code calls is hidden from
/// IntelliSense and declared apart, in PublicAPI.*.CompilerServices.txt, and test support lives in the Testing package.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly Assembly Sdk = typeof(EventPipeline).Assembly;

    [Fact]
    public void PublicApi_HiddenSymbols_AreDeclaredApartFromTheUsersApi()
    {
        var user = ApiLines("PublicAPI.Unshipped.txt");
        var compilerServices = ApiLines("PublicAPI.Unshipped.CompilerServices.txt");
        var hidden = HiddenSymbols().ToArray();

        Assert.NotEmpty(hidden);
        foreach (var symbol in hidden)
        {
            Assert.DoesNotContain(user, line => Declares(line, symbol));
            Assert.Contains(compilerServices, line => Declares(line, symbol));
        }

        Assert.All(compilerServices, line => Assert.Contains(hidden, symbol => Declares(line, symbol)));
    }

    [Fact]
    public void PublicApi_MainPackage_ExportsNoPayloadNorTestSupport()
    {
        var exported = Sdk.GetExportedTypes();

        Assert.Empty(typeof(EventTracker).GetNestedTypes());
        Assert.DoesNotContain(exported, static t => t.Namespace == "MedicApp.Telemetry.Testing" || t.Name.Contains("InMemory", StringComparison.Ordinal));
        Assert.All(
            exported.Where(static t => t.Namespace == "MedicApp.Telemetry.CompilerServices"),
            static t => Assert.True(IsHidden(t), t.FullName + " is for generated code: it needs [EditorBrowsable(Never)]."));
    }

    // "Namespace.Type" for a hidden type, "Namespace.Type.Member" for a hidden member (constructors as Type.Type).
    private static IEnumerable<string> HiddenSymbols()
    {
        foreach (var type in Sdk.GetExportedTypes())
        {
            var name = type.FullName!.Replace('+', '.');
            if (IsHidden(type))
            {
                yield return name;
                continue;
            }

            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (IsHidden(member))
                {
                    yield return name + "." + (member is ConstructorInfo ? type.Name : member.Name);
                }
            }
        }
    }

    private static bool IsHidden(MemberInfo member)
        => member.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never;

    // A line declares a symbol when it starts with its name, after modifiers such as "static" or "override".
    private static bool Declares(string line, string symbol)
    {
        var declaration = string.Join(' ', line.Split(' ').SkipWhile(static word => word.Length > 0 && char.IsLower(word[0])));
        return declaration.StartsWith(symbol, StringComparison.Ordinal)
            && (declaration.Length == symbol.Length || declaration[symbol.Length] is '.' or '(' or '<' or ' ');
    }

    private static string[] ApiLines(string file)
        => [.. File.ReadAllLines(Path.Combine(RepositoryRoot.Find(), "src", "MedicApp.Telemetry", file)).Where(static l => l.Length > 0 && l[0] != '#')];
}
