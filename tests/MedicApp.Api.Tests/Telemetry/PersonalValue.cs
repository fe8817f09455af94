using System.Text;
using System.Text.RegularExpressions;

namespace MedicApp.Api.Tests.Telemetry;

/// <summary>
/// A personal value a client may type into any field, and how to recognise it in what was sent: written with other
/// separators, percent-encoded or in another case, it is still the same value.
/// </summary>
/// <remarks>
/// A name or a health detail has no shape a scrubber can find: in a route, where it would become a request's name,
/// nothing could take it out, so such values are sent in bodies only (<see cref="Findable"/> is false), where no field
/// may carry them to telemetry: a not-personal field refuses a value outside its declared shape.
/// </remarks>
internal sealed record PersonalValue(string Kind, string Text, bool Findable = true)
{
    /// <summary>One of each kind the scrubber must find, written as people write them.</summary>
    public static readonly IReadOnlyList<PersonalValue> All =
    [
        new("email", "jeanne.dupont@example.fr"),
        new("phone", "06 98 76 54 32"),
        new("international phone", "+33 7 81 23 45 67"),
        new("NIR", "1 85 05 78 006 084 91"),
        new("IBAN", "FR76 3000 6000 0112 3456 7890 189"),
        new("card", "5555 5555 5555 4444"),
        new("IPv4 address", "203.0.113.77"),
        new("IPv6 address", "2001:db8:85a3::8a2e:370:7334"),
        new("token", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqZWFubmUuZHVwb250In0.ZHVwb250LXNpZ25hdHVyZS1zZWNyZXQ"),
        new("name", "Jeanne Dupont", Findable: false),
        new("health detail", "Zorglubite chronique", Findable: false),
    ];

    /// <summary>What remains of the value once separators are taken out: the part that must never be sent.</summary>
    public string Marker => Kind switch
    {
        "email" => Squeeze(Text[..Text.IndexOf('@', StringComparison.Ordinal)]),
        "phone" or "international phone" => Squeeze(Text)[^9..],
        "token" => Text[(Text.LastIndexOf('.') + 1)..],
        _ => Squeeze(Text),
    };

    public bool IsIn(string sentText) => Squeeze(Decode(sentText)).Contains(Marker, StringComparison.OrdinalIgnoreCase);

    /// <summary>The text without the characters numbers and addresses are written with: 06.98-76 54%2032 is 0698765432.</summary>
    public static string Squeeze(string text)
    {
        var squeezed = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is not (' ' or '.' or '-' or '+' or '/' or '(' or ')' or '_'))
            {
                squeezed.Append(c);
            }
        }

        return squeezed.ToString();
    }

    // Percent-encoding is undone as many times as it was applied (a value in a query string of a URL in a query string).
    private static string Decode(string text)
    {
        for (var i = 0; i < 3 && text.Contains('%', StringComparison.Ordinal); i++)
        {
            text = Regex.Replace(text, "%[0-9A-Fa-f]{2}", static m => ((char)Convert.ToInt32(m.Value[1..], 16)).ToString());
        }

        return text;
    }
}
