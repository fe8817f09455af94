using MedicApp.Api.Features.Auth.Access;
using MedicApp.Api.Features.Auth.RateLimits;
using MedicApp.Api.Infrastructure;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Auth.Sessions;

/// <summary><c>POST /auth/refresh</c> and <c>POST /auth/logout</c>: a session renews its access token, and ends.</summary>
internal static class SessionEndpoints
{
    public static RouteGroupBuilder MapSessions(this RouteGroupBuilder auth)
    {
        auth.MapPost("/refresh", RefreshAsync).RateLimitedAs(RateLimitedOperation.Refresh)
            .AllowAnonymousBecause("The access token may have expired: the refresh token is the credential. Rate-limited per address.")
            .WithSummary("Exchanges a refresh token, once, for new tokens of the same session.");
        auth.MapPost("/logout", LogoutAsync).RequireAuthorization().WithSummary("Ends the session of the access token sent.");
        return auth;
    }

    private static async Task<IResult> RefreshAsync(RefreshRequest request, SessionIssuer sessions, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().Required("refreshToken", request.RefreshToken, 4096);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        return await sessions.RefreshAsync(request.RefreshToken!, cancellationToken) is { } tokens
            ? Results.Ok(tokens)
            : Problems.Unauthorized("The refresh token is not valid, was already used, or its session has ended: log in again.");
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, SessionIssuer sessions, CancellationToken cancellationToken)
    {
        var user = context.User;
        await sessions.RevokeAsync(SessionClaims.AccountOf(user)!.Value, SessionClaims.SessionOf(user)!.Value, SessionRevocationReason.Logout, cancellationToken);
        return Results.NoContent();
    }
}
