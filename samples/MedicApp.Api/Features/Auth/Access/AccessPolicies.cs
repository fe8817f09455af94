using MedicApp.Api.Features.Auth.Sessions;
using MedicApp.Telemetry.Events;
using Microsoft.AspNetCore.Authorization;

namespace MedicApp.Api.Features.Auth.Access;

/// <summary>
/// The roles an endpoint may require; which record a session reaches is decided by the endpoint (404 otherwise). Any
/// endpoint with neither a policy nor an explicit anonymous exception falls back to requiring a session.
/// </summary>
internal static class AccessPolicies
{
    public const string Patient = nameof(Patient);
    public const string Staff = nameof(Staff);
    public const string Practitioner = nameof(Practitioner);

    public static IServiceCollection AddAccessPolicies(this IServiceCollection services)
        => services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(SessionAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build())
            .AddPolicy(Patient, static p => p.RequireRole(nameof(UserRole.Patient)))
            .AddPolicy(Staff, static p => p.RequireRole(nameof(UserRole.ClinicStaff), nameof(UserRole.Practitioner)))
            .AddPolicy(Practitioner, static p => p.RequireRole(nameof(UserRole.Practitioner)))
            .Services;
}
