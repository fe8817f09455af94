using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace MedicApp.Telemetry.Generators.Tests.Incremental;

/// <summary>
/// Walks the object graph of a pipeline model and lists what must not be in it: symbols, syntax, compilations and
/// locations keep a whole compilation alive and are never equal across two of them.
/// </summary>
internal static class ModelGraph
{
    private static readonly Type[] s_forbidden =
    [
        typeof(ISymbol),
        typeof(SyntaxNode),
        typeof(SyntaxTree),
        typeof(Compilation),
        typeof(SemanticModel),
        typeof(Location),
        typeof(AttributeData),
    ];

    /// <summary>The paths, from <paramref name="rootName"/>, of every forbidden object under <paramref name="root"/>.</summary>
    public static List<string> ForbiddenMembers(object root, string rootName)
    {
        var found = new List<string>();
        Visit(root, rootName, new HashSet<object>(ReferenceEqualityComparer.Instance), found);
        return found;
    }

    private static void Visit(object? value, string path, HashSet<object> seen, List<string> found)
    {
        if (value is null || value is string || value is DiagnosticDescriptor)
        {
            return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || type == typeof(decimal) || typeof(Type).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type))
        {
            return;
        }

        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (Array.Exists(s_forbidden, t => t.IsAssignableFrom(type)))
        {
            found.Add(path + ": " + type.FullName);
            return;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                Visit(item, $"{path}[{index++}]", seen, found);
            }
        }

        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                {
                    continue;
                }

                Visit(field.GetValue(value), path + "." + field.Name, seen, found);
            }
        }
    }
}
