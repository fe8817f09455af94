namespace MedicApp.Telemetry;

/// <summary>The kinds of personal value <see cref="PiiScrubber"/> finds, each replaced by its own placeholder.</summary>
public enum PiiKind
{
    /// <summary>An email address, plain or percent-encoded (<c>%40</c>): <c>[email]</c>.</summary>
    Email,

    /// <summary>A French phone number in any common writing, or an international one starting with <c>+</c>: <c>[phone]</c>.</summary>
    Phone,

    /// <summary>A French social security number (NIR), checked by its key: <c>[nir]</c>.</summary>
    Nir,

    /// <summary>An IBAN, checked by mod 97: <c>[iban]</c>.</summary>
    Iban,

    /// <summary>A payment card number, checked by Luhn and its issuer prefix: <c>[card]</c>.</summary>
    Card,

    /// <summary>An IPv4 or IPv6 address: <c>[ip]</c>.</summary>
    IpAddress,

    /// <summary>A JSON Web Token, or the credential of a bearer authorization: <c>[token]</c>.</summary>
    Token,

    /// <summary>The value of a secret-named parameter (<c>password=</c>, <c>token=</c>, <c>"code":</c> …): <c>[secret]</c>.</summary>
    Secret,

    /// <summary>
    /// A date of birth: a date in a common writing (<c>12/03/1985</c>, <c>1985-03-12</c>, <c>12 mars 1985</c>) after a
    /// word that says so (<c>né le</c>, <c>date de naissance</c>, <c>birthDate</c>, <c>dob</c>): <c>[birthdate]</c>.
    /// Other dates stay.
    /// </summary>
    BirthDate,
}
