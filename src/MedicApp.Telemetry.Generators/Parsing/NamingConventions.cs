using System.Text;

namespace MedicApp.Telemetry.Generators.Parsing;

/// <summary>The snake_case rules shared by event names, property names and enum values.</summary>
internal static class NamingConventions
{
    /// <summary>Whether <paramref name="name"/> matches <c>^[a-z][a-z0-9]*(_[a-z0-9]+)*$</c>.</summary>
    public static bool IsSnakeCase(string name)
    {
        if (name.Length == 0 || name[0] is < 'a' or > 'z')
        {
            return false;
        }

        for (var i = 1; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '_')
            {
                if (i == name.Length - 1 || name[i + 1] == '_')
                {
                    return false;
                }
            }
            else if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Converts a C# identifier to snake_case the way System.Text.Json's SnakeCaseLower policy does:
    /// <c>patientId</c> → <c>patient_id</c>, <c>IPAddress</c> → <c>ip_address</c>, <c>Sha256Key</c> → <c>sha256_key</c>.
    /// </summary>
    public static string ToSnakeCase(string identifier)
    {
        var name = identifier.TrimStart('@');
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '_')
            {
                if (builder.Length > 0 && builder[builder.Length - 1] != '_')
                {
                    builder.Append('_');
                }

                continue;
            }

            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '\0';
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                var startsWord = i > 0 && previous != '_' &&
                    (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)));
                if (startsWord)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().TrimEnd('_');
    }

    /// <summary>Converts a camelCase parameter name to the PascalCase of a property.</summary>
    public static string ToPascalCase(string identifier)
    {
        var name = identifier.TrimStart('@');
        return name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);
    }
}
