using System;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;

namespace MedicApp.Telemetry.Tests.Scrubbing;

/// <summary>Generators of valid personal values, written the ways people write them, and of harmless text.</summary>
internal static class PersonalValues
{
    public static Gen<string> Nirs =>
        from sex in Gen.Elements('1', '2')
        from year in Gen.Choose(0, 99)
        from month in Gen.Choose(1, 12)
        from department in Gen.OneOf(Gen.Choose(1, 95).Where(static d => d != 20).Select(static d => Two(d)), Gen.Elements("2A", "2B"))
        from commune in Gen.Choose(1, 990)
        from order in Gen.Choose(1, 999)
        from spaced in Gen.Elements(true, false)
        let body = $"{sex}{Two(year)}{Two(month)}{department}{Three(commune)}{Three(order)}"
        let key = Two(NirKey(body))
        select spaced ? $"{body[..1]} {body[1..3]} {body[3..5]} {body[5..7]} {body[7..10]} {body[10..13]} {key}" : body + key;

    public static Gen<string> Ibans =>
        from bban in Gen.ArrayOf(Gen.Choose(0, 9), 23)
        from grouped in Gen.Elements(true, false)
        let account = string.Concat(bban)
        let iban = "FR" + Two(98 - Mod97("FR00" + account)) + account
        select grouped ? string.Join(' ', iban.Chunk(4).Select(static c => new string(c))) : iban;

    public static Gen<string> Cards =>
        from prefix in Gen.Elements("4", "51", "55", "34", "37", "6011")
        from body in Gen.ArrayOf(Gen.Choose(0, 9), (prefix is "34" or "37" ? 15 : 16) - prefix.Length - 1)
        from separator in Gen.Elements("", " ", "-")
        let partial = prefix + string.Concat(body)
        let number = partial + LuhnDigit(partial)
        select separator.Length == 0 ? number : string.Join(separator, number.Chunk(4).Select(static c => new string(c)));

    public static Gen<string> Phones =>
        from area in Gen.Choose(1, 9)
        from pairs in Gen.ArrayOf(Gen.Choose(0, 99), 4)
        from style in Gen.Choose(0, 6)
        let groups = pairs.Select(static p => Two(p)).ToArray()
        select style switch
        {
            0 => $"0{area} {string.Join(' ', groups)}",
            1 => $"0{area}.{string.Join('.', groups)}",
            2 => $"0{area}-{string.Join('-', groups)}",
            3 => $"0{area}{string.Concat(groups)}",
            4 => $"+33 {area} {string.Join(' ', groups)}",
            5 => $"+33 (0){area} {string.Join(' ', groups)}",
            _ => $"0033{area}{string.Concat(groups)}",
        };

    public static Gen<string> Emails =>
        from user in Word(3, 10)
        from last in Word(2, 8)
        from domain in Word(3, 10)
        from tld in Gen.Elements("fr", "com", "org", "co.uk", "sante.fr")
        from dotted in Gen.Elements(true, false)
        select (dotted ? user + "." + last : user + "+" + last) + "@" + domain + "." + tld;

    /// <summary>Text a log line is made of that must survive: words, dates, times, durations, statuses, GUIDs, versions.</summary>
    /// <remarks>Words that give the next value a meaning (né, dob, token…) are left out: "né 23/11/2026" is a birth date.</remarks>
    public static Gen<string> HarmlessText =>
        from words in Gen.ListOf(Gen.OneOf(
            Word(1, 12).Where(static w => w is not ("né" or "née" or "dob" or "ddn" or "born" or "token" or "jeton" or "secret")),
            Gen.Elements("HTTP 500", "status=200", "14:30", "2026-11-23T22:40:22.713Z", "23/11/2026", "v10.0.11", "42 ms",
                "CMD-2024-000123", "99,90 €", "rendez-vous annulé", "dossier complété", "retry 3/5", "order_id=42"),
            Gen.Fresh(static () => Guid.NewGuid().ToString())))
        select string.Join(' ', words);

    private static Gen<string> Word(int min, int max)
        => from length in Gen.Choose(min, max)
           from letters in Gen.ArrayOf(Gen.Elements("abcdefghijklmnopqrstuvwxyzéè".ToCharArray()), length)
           select new string(letters);

    private static int NirKey(string body)
    {
        var number = long.Parse(body.Replace("2A", "19", StringComparison.Ordinal).Replace("2B", "18", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        return 97 - (int)(number % 97);
    }

    private static int Mod97(string iban)
    {
        var rearranged = iban[4..] + iban[..4];
        var remainder = 0;
        foreach (var c in rearranged)
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = (int)(((long)remainder * (value > 9 ? 100 : 10) + value) % 97);
        }

        return remainder;
    }

    private static string LuhnDigit(string partial)
    {
        var sum = 0;
        for (var i = 0; i < partial.Length; i++)
        {
            var digit = partial[partial.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }

            sum += digit;
        }

        return ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }

    private static string Two(int value) => value.ToString("00", CultureInfo.InvariantCulture);

    private static string Three(int value) => value.ToString("000", CultureInfo.InvariantCulture);
}
