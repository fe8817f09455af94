using MedicApp.Api.Data;
using MedicApp.Api.Features.Auth.Access;
using MedicApp.Api.Features.Auth.RateLimits;
using MedicApp.Api.Features.Auth.Sessions;
using MedicApp.Api.Infrastructure;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedicApp.Api.Features.Auth;

/// <summary>
/// Login with a password then a code sent by SMS or email, and lockout after repeated failures (LOG-15). Accounts and
/// client addresses reach telemetry pseudonymized; passwords and codes never do.
/// </summary>
/// <remarks>
/// Every attempt on an account is counted in the database before its password or code is compared, and writes its
/// events with that change, through the outbox: at most the policy's number of secrets is ever checked, whatever the
/// parallelism. A login that matches no account saves nothing: its <c>auth_login_failure</c> is sent directly.
/// </remarks>
internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/auth").WithTags("Auth").Protects(ProtectedResource.Session);
        auth.MapPost("/login", LoginAsync).RateLimitedAs(RateLimitedOperation.Login)
            .AllowAnonymousBecause("The login itself: the password is the credential. Rate-limited per address, locked per account.")
            .WithSummary("Checks the password and sends a multi-factor code.");
        auth.MapPost("/mfa", VerifyMfaAsync).RateLimitedAs(RateLimitedOperation.Mfa)
            .AllowAnonymousBecause("The login's second step: the challenge and the code are the credentials. Rate-limited, locked per account.")
            .WithSummary("Checks the multi-factor code, completes the login and issues a session.");
        auth.MapSessions();
        return routes;
    }

    private static async Task<IResult> LoginAsync(
        LoginRequest request, HttpContext context, MedicAppDbContext db, EventTracker tracker, IPasswordHasher<Account> hasher,
        IMessageSender messages, SecretHash secrets, SessionIssuer sessions, IOptions<LockoutPolicy> policy, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().Required("login", request.Login, 254).Required("password", request.Password, 128);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var clientIp = ClientAddress.Of(context);
        var login = request.Login!.Trim().ToLowerInvariant();
        var now = time.GetUtcNow();
        var accountId = await db.Accounts.Where(a => a.Login == login).Select(static a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (accountId is not { } id)
        {
            // The same work as for a real account, so that timing does not tell which logins exist.
            hasher.VerifyHashedPassword(UnknownAccount.Instance, UnknownAccount.Hash, request.Password!);
            tracker.AuthLoginFailure(login, clientIp, LoginFailureReason.UnknownAccount, 1);
            return WrongCredentials();
        }

        OutgoingMessage? code = null;
        var answer = await db.InTransactionWithEventsAsync(
            async ct =>
            {
                // Wrong passwords sent in parallel must each count, or a brute force would outrun the lock: the attempt is
                // counted before the password is compared, and the account's row stays locked until the answer is
                // committed, so that a lock stops every later attempt before its password is checked.
                var counted = await db.Accounts
                    .Where(a => a.Id == id && (a.LockedUntil == null || a.LockedUntil <= now))
                    .ExecuteUpdateAsync(s => s.SetProperty(static a => a.ConsecutiveFailures, static a => a.ConsecutiveFailures + 1).SetProperty(static a => a.Version, static a => a.Version + 1), ct);
                var account = await db.Accounts.FirstAsync(a => a.Id == id, ct);
                if (counted == 0)
                {
                    tracker.AuthLoginFailure(account.TelemetryId, clientIp, LoginFailureReason.AccountLocked, account.ConsecutiveFailures);
                    return Locked(account);
                }

                if (hasher.VerifyHashedPassword(account, account.PasswordHash, request.Password!) == PasswordVerificationResult.Failed)
                {
                    var failure = CountPasswordFailure(tracker, account, clientIp, policy.Value, now);
                    if (account.LockedUntil > now)
                    {
                        await sessions.RevokeAllAsync(account, SessionRevocationReason.AccountLocked, now, ct);
                    }

                    return failure;
                }

                // A right password is not a failure: the attempt counted above is taken back.
                account.ConsecutiveFailures--;
                var patient = account.PatientId is { } patientId ? await db.Patients.FirstAsync(p => p.Id == patientId, ct) : null;
                if (patient is { EmailVerifiedAt: null })
                {
                    tracker.AuthLoginFailure(account.TelemetryId, clientIp, LoginFailureReason.EmailNotVerified, account.ConsecutiveFailures);
                    return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The email is not verified yet.", detail: "Open the link sent at registration.");
                }

                var failedAttempts = account.ConsecutiveFailures;
                var secret = SecretHash.NewCode();
                account.ConsecutiveFailures = 0;
                account.LastLoginAt = now;
                account.MfaChallengeId = SecretHash.NewToken();
                account.MfaCodeHash = secrets.Of(secret);
                account.MfaCodeSentAt = now;
                account.MfaAttempts = 0;
                if (patient is not null)
                {
                    patient.LastActivityAt = now;
                }

                tracker.AuthLoginSuccess(account.TelemetryId, clientIp, account.Role, mfaRequired: true, failedAttempts);
                tracker.AuthMfaSent(account.TelemetryId, account.MfaMethod);
                code = new OutgoingMessage(account.MfaMethod == MfaMethod.Sms && patient is not null ? patient.Phone : account.Login, MessagePurpose.MfaCode, secret);
                return Results.Ok(new MfaChallenge(account.MfaChallengeId, account.MfaMethod));
            },
            cancellationToken);

        // Sent once the challenge is committed.
        if (code is not null)
        {
            messages.Send(code);
        }

        return answer;
    }

    private static async Task<IResult> VerifyMfaAsync(
        MfaRequest request, HttpContext context, MedicAppDbContext db, EventTracker tracker, SecretHash secrets, SessionIssuer sessions, IOptions<LockoutPolicy> policy, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().Required("challengeId", request.ChallengeId, 64).Required("code", request.Code, 16);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var clientIp = ClientAddress.Of(context);
        var now = time.GetUtcNow();
        return await db.InTransactionWithEventsAsync(
            async ct =>
            {
                // As for passwords: the attempt is counted before the code is compared, the row locked until the answer is
                // committed; the attempt that uses the challenge up (right, expired or the last one) ends it for the others.
                var counted = await db.Accounts
                    .Where(a => a.MfaChallengeId == request.ChallengeId && (a.LockedUntil == null || a.LockedUntil <= now))
                    .ExecuteUpdateAsync(s => s.SetProperty(static a => a.MfaAttempts, static a => a.MfaAttempts + 1).SetProperty(static a => a.Version, static a => a.Version + 1), ct);
                var account = await db.Accounts.FirstOrDefaultAsync(a => a.MfaChallengeId == request.ChallengeId, ct);
                if (account is null)
                {
                    return Problems.Unauthorized("The challenge is unknown or used: log in again.");
                }

                if (counted == 0)
                {
                    return Locked(account);
                }

                var outcome = now - account.MfaCodeSentAt > policy.Value.MfaCodeLifetime ? MfaOutcome.Expired
                    : secrets.Matches(request.Code, account.MfaCodeHash) ? MfaOutcome.Accepted
                    : account.MfaAttempts >= policy.Value.MaxMfaAttempts ? MfaOutcome.Locked
                    : MfaOutcome.Wrong;
                if (outcome != MfaOutcome.Wrong)
                {
                    account.MfaChallengeId = null;
                }

                if (outcome == MfaOutcome.Accepted)
                {
                    account.MfaCodeHash = null;
                }
                else if (outcome == MfaOutcome.Locked)
                {
                    account.LockedUntil = now + policy.Value.LockDuration;
                    await sessions.RevokeAllAsync(account, SessionRevocationReason.AccountLocked, now, ct);
                }

                return Report(tracker, sessions, account, clientIp, outcome, policy.Value, now);
            },
            cancellationToken);
    }

    // Tracks the events of an attempt's outcome, to be saved with it, and returns the answer to send once it is.
    private static IResult Report(EventTracker tracker, SessionIssuer sessions, Account account, string clientIp, MfaOutcome outcome, LockoutPolicy policy, DateTimeOffset now)
    {
        switch (outcome)
        {
            case MfaOutcome.Accepted:
                tracker.AuthMfaSuccess(account.TelemetryId, account.MfaMethod, account.MfaAttempts, now - account.MfaCodeSentAt!.Value);
                return Results.Ok(new SignedIn(account.Id, account.PatientId, sessions.Issue(account, SessionOrigin.Mfa)));
            case MfaOutcome.Expired:
                tracker.AuthMfaFailure(account.TelemetryId, clientIp, account.MfaMethod, MfaFailureReason.ExpiredCode, account.MfaAttempts);
                return Problems.Unauthorized("The code has expired: log in again.");
            case MfaOutcome.Locked:
                tracker.AuthMfaFailure(account.TelemetryId, clientIp, account.MfaMethod, MfaFailureReason.TooManyAttempts, account.MfaAttempts);
                tracker.AuthAccountLocked(account.TelemetryId, clientIp, LockTrigger.MfaFailures, account.MfaAttempts, policy.LockDuration);
                return Locked(account);
            default:
                tracker.AuthMfaFailure(account.TelemetryId, clientIp, account.MfaMethod, MfaFailureReason.InvalidCode, account.MfaAttempts);
                return Problems.Unauthorized("The code is wrong.");
        }
    }

    // A wrong password, already counted: the failure that reaches the limit locks the account.
    private static IResult CountPasswordFailure(EventTracker tracker, Account account, string clientIp, LockoutPolicy policy, DateTimeOffset now)
    {
        tracker.AuthLoginFailure(account.TelemetryId, clientIp, LoginFailureReason.InvalidPassword, account.ConsecutiveFailures);
        if (account.ConsecutiveFailures < policy.MaxPasswordFailures)
        {
            return WrongCredentials();
        }

        account.LockedUntil = now + policy.LockDuration;
        tracker.AuthAccountLocked(account.TelemetryId, clientIp, LockTrigger.PasswordFailures, account.ConsecutiveFailures, policy.LockDuration);
        return Locked(account);
    }

    private static IResult WrongCredentials() => Problems.Unauthorized("The login or the password is wrong.");

    private static IResult Locked(Account account)
        => Results.Problem(statusCode: StatusCodes.Status423Locked, title: "The account is locked.", detail: $"Try again after {account.LockedUntil:O}.");

    // A fixed account and hash to verify against when the login matches no account.
    private static class UnknownAccount
    {
        public static readonly Account Instance = new() { Login = "", PasswordHash = "" };

        public static readonly string Hash = new PasswordHasher<Account>().HashPassword(Instance, Guid.NewGuid().ToString("N"));
    }
}
