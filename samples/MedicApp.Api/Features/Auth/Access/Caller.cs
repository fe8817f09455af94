using System.Security.Claims;
using MedicApp.Api.Features.Auth.Sessions;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Auth.Access;

/// <summary>Who a request's session is: the account, its role, and the patient, clinic or practitioner it is.</summary>
internal sealed record Caller(Guid AccountId, UserRole Role, Guid? PatientId, string? ClinicId, string? PractitionerId)
{
    /// <summary>Staff and practitioners act for their clinic.</summary>
    public bool IsStaffOf(string? clinicId) => Role is UserRole.ClinicStaff or UserRole.Practitioner && ClinicId is not null && ClinicId == clinicId;

    public bool Is(Guid patientId) => Role == UserRole.Patient && PatientId == patientId;

    /// <summary>Who opens a document, as prescription_downloaded reports it.</summary>
    public DocumentActor Actor => Role switch
    {
        UserRole.Patient => DocumentActor.Patient,
        UserRole.Practitioner => DocumentActor.Practitioner,
        _ => DocumentActor.ClinicStaff,
    };

    /// <summary>The caller of an authenticated request; endpoints that require a session only.</summary>
    public static Caller Of(HttpContext context) => Of(context.User) ?? throw new InvalidOperationException("The endpoint requires a session.");

    public static Caller? Of(ClaimsPrincipal user)
        => SessionClaims.AccountOf(user) is { } account && SessionClaims.RoleOf(user) is { } role
            ? new(account, role, SessionClaims.GuidOf(user, SessionClaims.PatientId), user.FindFirstValue(SessionClaims.ClinicId), user.FindFirstValue(SessionClaims.PractitionerId))
            : null;
}
