using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Auth.Staff;

/// <summary>
/// The clinic staff and practitioner accounts to create on start when missing (Staff:Accounts:0:Login, …): the demo's
/// and an environment's first staff. Passwords belong in a secret store, as every setting of this section.
/// </summary>
internal sealed class StaffAccountOptions
{
    public const string SectionName = "Staff";

    public List<StaffAccount> Accounts { get; set; } = [];
}

/// <summary>One staff account: its login (an email), password, role, and clinic or practitioner.</summary>
internal sealed class StaffAccount
{
    public string? Login { get; set; }

    public string? Password { get; set; }

    public UserRole Role { get; set; } = UserRole.ClinicStaff;

    /// <summary>Gets or sets the clinic of a <see cref="UserRole.ClinicStaff"/> account.</summary>
    public string? ClinicId { get; set; }

    /// <summary>Gets or sets the practitioner a <see cref="UserRole.Practitioner"/> account is.</summary>
    public string? PractitionerId { get; set; }
}
