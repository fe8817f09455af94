using System;

namespace MedicApp.Telemetry;

internal static partial class PiiScanner
{
    private const int MinIbanLength = 15;
    private const int MaxIbanLength = 34;

    /// <summary>An IBAN: country, check digits and account, compact or in groups of four (spaces or dashes), in any case, checked by mod 97.</summary>
    private static bool TryIban(ReadOnlySpan<char> text, int start, out PiiMatch match)
    {
        match = default;
        Span<char> chars = stackalloc char[MaxIbanLength];

        // Where the IBAN could end: after each group of a grouped writing. The longest valid candidate wins.
        Span<int> ends = stackalloc int[MaxIbanLength];
        Span<int> lengths = stackalloc int[MaxIbanLength];
        var candidates = 0;
        var count = 0;
        var index = start;
        var group = 0;
        var separator = '\0';
        while (index < text.Length && count < MaxIbanLength)
        {
            var c = text[index];
            if (char.IsAsciiLetterOrDigit(c))
            {
                chars[count++] = char.ToUpperInvariant(c);
                group++;
                index++;
            }
            else if (group == 4 && SeparatorAt(text, index, out var kind) is > 0 and var length && kind is ' ' or '-' && (separator == '\0' || separator == kind)
                && index + length < text.Length && char.IsAsciiLetterOrDigit(text[index + length]))
            {
                separator = kind;
                ends[candidates] = index;
                lengths[candidates++] = count;
                group = 0;
                index += length;
            }
            else
            {
                break;
            }
        }

        ends[candidates] = index;
        lengths[candidates++] = count;
        for (var i = candidates - 1; i >= 0; i--)
        {
            if (lengths[i] >= MinIbanLength && IsEnd(text, ends[i]) && char.IsAsciiDigit(chars[2]) && char.IsAsciiDigit(chars[3])
                && IbanLengthOf(chars[..2]) == lengths[i] && Checksums.IsIbanValid(chars[..lengths[i]]))
            {
                match = new PiiMatch(start, ends[i] - start, PiiKind.Iban);
                return true;
            }
        }

        return false;
    }

    // The length each country of the IBAN registry gives its IBANs, 0 for a country that has none: with mod 97, what
    // tells an IBAN from a hexadecimal hash (eb46140a713e3eca).
    private static int IbanLengthOf(ReadOnlySpan<char> country)
    {
        const string Registry =
            "AD24AE23AL28AT20AZ28BA20BE16BG22BH22BR29BY28CH21CR22CY28CZ24DE22DK18DO28EE20EG29ES24FI18FO18FR27GB22GE22GI23GL18GR27"
            + "GT28HR21HU28IE22IL23IQ23IS26IT27JO30KW30KZ20LB28LC32LI21LT20LU20LV21MC27MD24ME22MK19MR27MT31MU30NL18NO15PK24PL28"
            + "PS29PT25QA29RO24RS22SA24SC31SE24SI19SK24SM27ST25SV28TL23TN24TR26UA29VA22VG24XK20";
        for (var i = 0; i < Registry.Length; i += 4)
        {
            if (Registry[i] == country[0] && Registry[i + 1] == country[1])
            {
                return ((Registry[i + 2] - '0') * 10) + (Registry[i + 3] - '0');
            }
        }

        return 0;
    }
}
