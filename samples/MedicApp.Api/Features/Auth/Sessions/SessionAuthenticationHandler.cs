using System.Text.Encodings.Web;
using MedicApp.Api.Data;
using MedicApp.Api.Features.Auth.Access;
using MedicApp.Telemetry.Events;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedicApp.Api.Features.Auth.Sessions;

/// <summary>
/// The API's authentication: ASP.NET Core's bearer-token handler reads and checks the access token (its protection and
/// expiry), and this scheme accepts it only while its session is live, so that a logout or a lockout ends it at once
/// rather than when the token expires. Answers 401 and 403 as problem details.
/// </summary>
internal sealed class SessionAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, MedicAppDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = await Context.AuthenticateAsync(BearerTokenDefaults.AuthenticationScheme);
        if (token.None)
        {
            return AuthenticateResult.NoResult();
        }

        if (!token.Succeeded || SessionClaims.SessionOf(token.Principal) is not { } sessionId)
        {
            return AuthenticateResult.Fail("The access token is not valid or has expired: refresh it (POST /auth/refresh) or log in again.");
        }

        var now = TimeProvider.GetUtcNow();
        if (!await db.Sessions.AsNoTracking().AnyAsync(s => s.Id == sessionId && s.RevokedAt == null && s.ExpiresAt > now, Context.RequestAborted))
        {
            return AuthenticateResult.Fail("The session has ended (logged out, locked or over): log in again.");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(token.Principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        AccessDenials.Report(Context, result.Failure is null ? AccessDeniedReason.NoSession : AccessDeniedReason.SessionEnded);

        // RFC 6750, section 3: a token that was sent and refused is an invalid_token.
        Response.Headers.WWWAuthenticate = result.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "A session is required.",
            detail: result.Failure?.Message ?? "Log in (POST /auth/login, then POST /auth/mfa) and send the access token as Authorization: Bearer <token>.")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
        => AccessDenials.Forbidden(Context, "The session's role may not call this endpoint.").ExecuteAsync(Context);
}
