using System.Text.Json;

namespace MedicApp.Api.Infrastructure;

/// <summary>Reads an enum from a query string the way the JSON bodies write it: snake_case (clinic_staff), or its C# name.</summary>
internal static class EnumNames
{
    public static bool TryParse<TEnum>(string? value, out TEnum result)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            var name = candidate.ToString();
            if (string.Equals(value, JsonNamingPolicy.SnakeCaseLower.ConvertName(name), StringComparison.Ordinal) || string.Equals(value, name, StringComparison.OrdinalIgnoreCase))
            {
                result = candidate;
                return true;
            }
        }

        result = default;
        return false;
    }

    public static string List<TEnum>()
        where TEnum : struct, Enum
        => string.Join(", ", Enum.GetNames<TEnum>().Select(JsonNamingPolicy.SnakeCaseLower.ConvertName));
}
