using System.Security.Claims;
using MedicApp.Api.Data;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedicApp.Api.Features.Auth.Sessions;

/// <summary>
/// Issues, refreshes and revokes sessions. Tokens are ASP.NET Core's bearer tokens (data-protected tickets, validated by
/// its bearer-token handler); the session row they name is what makes them revocable before they expire.
/// </summary>
internal sealed class SessionIssuer(MedicAppDbContext db, IOptionsMonitor<BearerTokenOptions> bearer, IOptions<SessionPolicy> options, EventTracker tracker, TimeProvider time)
{
    /// <summary>Adds a new session of <paramref name="account"/> to the unit of work, with its event; the caller saves both.</summary>
    public SessionTokens Issue(Account account, SessionOrigin origin)
    {
        var now = time.GetUtcNow();
        var session = new Session
        {
            Id = Guid.CreateVersion7(),
            AccountId = account.Id,
            Origin = origin,
            IssuedAt = now,
            ExpiresAt = now + options.Value.SessionLifetime,
            RefreshTokenId = Guid.NewGuid(),
        };
        db.Sessions.Add(session);
        tracker.AuthSessionIssued(account.TelemetryId, account.Role, origin, options.Value.SessionLifetime);
        return Tokens(account, session, now);
    }

    /// <summary>
    /// Exchanges a refresh token for new tokens, once: the session then names a new refresh token. A refresh token
    /// presented after its exchange may have been stolen, and revokes its session. Null when refused.
    /// </summary>
    public async Task<SessionTokens?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ticket = Protectors.RefreshTokenProtector.Unprotect(refreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires
            || SessionClaims.SessionOf(ticket.Principal) is not { } sessionId
            || !Guid.TryParse(ticket.Principal.FindFirstValue(SessionClaims.RefreshTokenId), out var refreshTokenId))
        {
            return null;
        }

        var next = Guid.NewGuid();
        return await db.InTransactionWithEventsAsync(
            async ct =>
            {
                // The exchange is a conditional update: of two requests presenting the same token, one exchanges it.
                var exchanged = await db.Sessions
                    .Where(s => s.Id == sessionId && s.RefreshTokenId == refreshTokenId && s.RevokedAt == null && s.ExpiresAt > now)
                    .ExecuteUpdateAsync(s => s.SetProperty(static s => s.RefreshTokenId, next), ct);
                var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
                var account = session is null ? null : await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == session.AccountId, ct);
                if (session is null || account is null)
                {
                    return null;
                }

                if (exchanged == 1)
                {
                    return Tokens(account, session, now);
                }

                await RevokeAsync(account.Id, db.Sessions.Where(s => s.Id == sessionId), SessionRevocationReason.RefreshTokenReused, now, ct);
                return null;
            },
            cancellationToken);
    }

    /// <summary>Ends one session (a logout). False when it had already ended.</summary>
    public async Task<bool> RevokeAsync(Guid accountId, Guid sessionId, SessionRevocationReason reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.InTransactionWithEventsAsync(
            async ct => await RevokeAsync(accountId, db.Sessions.Where(s => s.Id == sessionId && s.AccountId == accountId), reason, now, ct) == 1,
            cancellationToken);
    }

    /// <summary>Ends every live session of <paramref name="account"/>, inside the caller's transaction (a lockout).</summary>
    public Task<int> RevokeAllAsync(Account account, SessionRevocationReason reason, DateTimeOffset now, CancellationToken cancellationToken)
        => RevokeAsync(account.Id, db.Sessions.Where(s => s.AccountId == account.Id), reason, now, cancellationToken);

    private BearerTokenOptions Protectors => bearer.Get(BearerTokenDefaults.AuthenticationScheme);

    // Revokes the live sessions among these, once each however many requests race, and reports how many it ended.
    private async Task<int> RevokeAsync(Guid accountId, IQueryable<Session> sessions, SessionRevocationReason reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var revoked = await sessions
            .Where(s => s.RevokedAt == null && s.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(static s => s.RevokedAt, now).SetProperty(static s => s.RevokedReason, reason), cancellationToken);
        if (revoked > 0)
        {
            tracker.AuthSessionRevoked(Account.TelemetryIdOf(accountId), reason, revoked);
        }

        return revoked;
    }

    private SessionTokens Tokens(Account account, Session session, DateTimeOffset now)
    {
        var accessExpires = Min(now + options.Value.AccessTokenLifetime, session.ExpiresAt);
        var access = new AuthenticationTicket(SessionClaims.Of(account, session), new AuthenticationProperties { ExpiresUtc = accessExpires }, $"{BearerTokenDefaults.AuthenticationScheme}:AccessToken");
        var refreshIdentity = new ClaimsIdentity([new(SessionClaims.SessionId, session.Id.ToString("D")), new(SessionClaims.RefreshTokenId, session.RefreshTokenId.ToString("D"))], SessionAuthenticationHandler.SchemeName);
        var refresh = new AuthenticationTicket(new ClaimsPrincipal(refreshIdentity), new AuthenticationProperties { ExpiresUtc = session.ExpiresAt }, $"{BearerTokenDefaults.AuthenticationScheme}:RefreshToken");
        return new SessionTokens(
            "Bearer",
            Protectors.BearerTokenProtector.Protect(access),
            (long)(accessExpires - now).TotalSeconds,
            Protectors.RefreshTokenProtector.Protect(refresh),
            session.ExpiresAt);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
