namespace MedicApp.Api.Features.Drill;

/// <summary>
/// What marks a drill's patient: an email at <see cref="EmailDomain"/>, a domain under the <c>.invalid</c> top-level
/// domain that RFC 2606 reserves and no mail server serves, and a phone number in the range that ARCEP reserves for
/// fiction (06 39 98 00 00 to 06 39 98 99 99), which no subscriber holds. Only such patients can be read or backdated
/// through the drill endpoints; a real patient's secrets and dates stay out of their reach.
/// </summary>
internal static class DrillContacts
{
    public const string EmailDomain = "drill.medicapp.invalid";

    public const string PhonePrefix = "+3363998";

    /// <summary>The drill's clinic desk account, and its clinic.</summary>
    public const string StaffLogin = "desk@" + EmailDomain;
    public const string StaffClinic = "clinic-paris-8";

    public static bool IsDrillEmail(string? email) => email is not null && email.EndsWith("@" + EmailDomain, StringComparison.OrdinalIgnoreCase);

    public static bool IsDrillPhone(string? phone) => phone is { Length: 12 } && phone.StartsWith(PhonePrefix, StringComparison.Ordinal);

    public static bool IsDrillRecipient(string? recipient) => IsDrillEmail(recipient) || IsDrillPhone(recipient);
}
