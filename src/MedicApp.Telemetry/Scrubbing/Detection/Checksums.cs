using System;

namespace MedicApp.Telemetry;

/// <summary>The check digits that tell a real identifier from a number that only looks like one.</summary>
internal static class Checksums
{
    /// <summary>Luhn (ISO/IEC 7812): card numbers.</summary>
    public static bool IsLuhnValid(ReadOnlySpan<byte> digits)
    {
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var digit = digits[i];
            if (doubled)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    /// <summary>ISO 13616: the country and check digits moved to the end, letters as 10-35, the number mod 97 is 1.</summary>
    public static bool IsIbanValid(ReadOnlySpan<char> iban)
    {
        if (!char.IsAsciiLetterUpper(iban[0]) || !char.IsAsciiLetterUpper(iban[1]))
        {
            return false;
        }

        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = iban[(i + 4) % iban.Length];
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    /// <summary>
    /// The NIR key: 97 minus the first 13 characters, as a number, mod 97. Corsica's 2A and 2B count as 19 and 18
    /// (the number minus one or two million, as INSEE defines it).
    /// </summary>
    public static bool IsNirKey(ReadOnlySpan<char> nir)
    {
        Span<char> digits = stackalloc char[13];
        nir[..13].CopyTo(digits);
        if (digits[6] is 'A' or 'B')
        {
            digits[6] = digits[6] == 'A' ? '9' : '8';
            digits[5] = '1';
        }

        long number = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            number = (number * 10) + (c - '0');
        }

        var key = ((nir[13] - '0') * 10) + (nir[14] - '0');
        return key == 97 - (int)(number % 97);
    }
}
