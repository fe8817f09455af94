using System.Globalization;
using System.Security.Claims;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Auth.Sessions;

/// <summary>The claims a session's tokens carry: who the account is, its role and records, and the session.</summary>
internal static class SessionClaims
{
    public const string SessionId = "medicapp:session";
    public const string RefreshTokenId = "medicapp:refresh";
    public const string PatientId = "medicapp:patient";
    public const string ClinicId = "medicapp:clinic";
    public const string PractitionerId = "medicapp:practitioner";

    public static ClaimsPrincipal Of(Account account, Session session)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString("D")),
            new(ClaimTypes.Role, account.Role.ToString()),
            new(SessionId, session.Id.ToString("D")),
        };
        if (account.PatientId is { } patient)
        {
            claims.Add(new(PatientId, patient.ToString("D")));
        }

        if (account.ClinicId is { } clinic)
        {
            claims.Add(new(ClinicId, clinic));
        }

        if (account.PractitionerId is { } practitioner)
        {
            claims.Add(new(PractitionerId, practitioner));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, SessionAuthenticationHandler.SchemeName, ClaimTypes.NameIdentifier, ClaimTypes.Role));
    }

    public static Guid? SessionOf(ClaimsPrincipal user) => GuidOf(user, SessionId);

    public static Guid? AccountOf(ClaimsPrincipal user) => GuidOf(user, ClaimTypes.NameIdentifier);

    public static UserRole? RoleOf(ClaimsPrincipal user)
        => Enum.TryParse<UserRole>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public static Guid? GuidOf(ClaimsPrincipal user, string type)
        => Guid.TryParse(user.FindFirstValue(type), CultureInfo.InvariantCulture, out var id) ? id : null;
}
