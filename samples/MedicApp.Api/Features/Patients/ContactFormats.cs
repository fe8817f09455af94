namespace MedicApp.Api.Features.Patients;

/// <summary>Phone numbers as the API stores them: French numbers in E.164 (+33…), other countries as given.</summary>
internal static class ContactFormats
{
    public static string? NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone) || phone.Length > 32)
        {
            return null;
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        var international = phone.TrimStart().StartsWith('+');
        if (phone.Any(static c => !(char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '+' or '(' or ')')))
        {
            return null;
        }

        return (international, digits) switch
        {
            (false, { Length: 10 }) when digits[0] == '0' && digits[1] != '0' => "+33" + digits[1..],
            (true, { Length: >= 8 and <= 15 }) => "+" + digits,
            _ => null,
        };
    }
}
