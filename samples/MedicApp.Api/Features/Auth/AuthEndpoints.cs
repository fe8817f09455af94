using MedicApp.Api.Data;
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
/// An attempt that changes the account (a counter, a lock, a challenge) writes its events with it, through the outbox. A
/// refusal that saves nothing (unknown account, account locked, email not verified) is not a change: its
/// <c>auth_login_failure</c> is sent directly.
/// </remarks>
internal static class AuthEndpoints
{
    private const int MaxSaveAttempts = 20;

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/login", LoginAsync).WithSummary("Checks the password and sends a multi-factor code.");
        auth.MapPost("/mfa", VerifyMfaAsync).WithSummary("Checks the multi-factor code and completes the login.");
        return routes;
    }

    private static async Task<IResult> LoginAsync(
        LoginRequest request, HttpContext context, MedicAppDbContext db, EventTracker tracker, IPasswordHasher<Account> hasher,
        IMessageSender messages, IOptions<LockoutPolicy> policy, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().Required("login", request.Login, 254).Required("password", request.Password, 128);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var clientIp = ClientAddress.Of(context);
        var login = request.Login!.Trim().ToLowerInvariant();
        var now = time.GetUtcNow();
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Login == login, cancellationToken);
        if (account is null)
        {
            // The same work as for a real account, so that timing does not tell which logins exist.
            hasher.VerifyHashedPassword(UnknownAccount.Instance, UnknownAccount.Hash, request.Password!);
            tracker.AuthLoginFailure(login, clientIp, LoginFailureReason.UnknownAccount, 1);
            return WrongCredentials();
        }

        if (account.LockedUntil > now)
        {
            tracker.AuthLoginFailure(account.TelemetryId, clientIp, LoginFailureReason.AccountLocked, account.ConsecutiveFailures);
            return Locked(account);
        }

        if (hasher.VerifyHashedPassword(account, account.PasswordHash, request.Password!) == PasswordVerificationResult.Failed)
        {
            return await CountPasswordFailureAsync(db, tracker, account, clientIp, policy.Value, now, cancellationToken);
        }

        var patient = account.PatientId is { } patientId ? await db.Patients.FirstAsync(p => p.Id == patientId, cancellationToken) : null;
        if (patient is { EmailVerifiedAt: null })
        {
            tracker.AuthLoginFailure(account.TelemetryId, clientIp, LoginFailureReason.EmailNotVerified, account.ConsecutiveFailures);
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The email is not verified yet.", detail: "Open the link sent at registration.");
        }

        await using var events = db.CaptureTelemetryEvents();
        var failedAttempts = account.ConsecutiveFailures;
        var code = SecretHash.NewCode();
        account.ConsecutiveFailures = 0;
        account.LastLoginAt = now;
        account.MfaChallengeId = SecretHash.NewToken();
        account.MfaCodeHash = SecretHash.Of(code);
        account.MfaCodeSentAt = now;
        account.MfaAttempts = 0;
        if (patient is not null)
        {
            patient.LastActivityAt = now;
        }

        tracker.AuthLoginSuccess(account.TelemetryId, clientIp, account.Role, mfaRequired: true, failedAttempts);
        tracker.AuthMfaSent(account.TelemetryId, account.MfaMethod);
        await db.SaveChangesAsync(cancellationToken);
        messages.Send(new OutgoingMessage(account.MfaMethod == MfaMethod.Sms && patient is not null ? patient.Phone : account.Login, MessagePurpose.MfaCode, code));
        return Results.Ok(new MfaChallenge(account.MfaChallengeId, account.MfaMethod));
    }

    private static async Task<IResult> VerifyMfaAsync(
        MfaRequest request, HttpContext context, MedicAppDbContext db, EventTracker tracker, IOptions<LockoutPolicy> policy, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new RequestValidation().Required("challengeId", request.ChallengeId, 64).Required("code", request.Code, 16);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var account = await db.Accounts.FirstOrDefaultAsync(a => a.MfaChallengeId == request.ChallengeId, cancellationToken);
        if (account is null)
        {
            return Problems.Unauthorized("The challenge is unknown or used: log in again.");
        }

        var clientIp = ClientAddress.Of(context);
        var now = time.GetUtcNow();

        // As for passwords, codes sent in parallel must each count: the attempt counter is a concurrency token, and a
        // save that lost the race, its events with it, reloads the account and tries again (the challenge may have
        // been used meanwhile).
        for (var attempt = 1; ; attempt++)
        {
            if (account.MfaChallengeId != request.ChallengeId)
            {
                return Problems.Unauthorized("The challenge is unknown or used: log in again.");
            }

            if (account.LockedUntil > now)
            {
                return Locked(account);
            }

            await using var events = db.CaptureTelemetryEvents();
            account.MfaAttempts++;
            var outcome = now - account.MfaCodeSentAt > policy.Value.MfaCodeLifetime ? MfaOutcome.Expired
                : SecretHash.Matches(request.Code, account.MfaCodeHash) ? MfaOutcome.Accepted
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
            }

            var answer = Report(tracker, account, clientIp, outcome, policy.Value, now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxSaveAttempts)
            {
                await db.ReloadAfterLostRaceAsync(account, cancellationToken);
                continue;
            }

            return answer;
        }
    }

    // Tracks the events of an attempt's outcome, to be saved with it, and returns the answer to send once it is.
    private static IResult Report(EventTracker tracker, Account account, string clientIp, MfaOutcome outcome, LockoutPolicy policy, DateTimeOffset now)
    {
        switch (outcome)
        {
            case MfaOutcome.Accepted:
                tracker.AuthMfaSuccess(account.TelemetryId, account.MfaMethod, account.MfaAttempts, now - account.MfaCodeSentAt!.Value);
                return Results.Ok(new SignedIn(account.Id, account.PatientId));
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

    // Wrong passwords sent in parallel must each count, or a brute force would outrun the lock: the counter is a
    // concurrency token, and a save that lost the race, its events with it, reloads the account and counts again.
    private static async Task<IResult> CountPasswordFailureAsync(
        MedicAppDbContext db, EventTracker tracker, Account account, string clientIp, LockoutPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (account.LockedUntil > now)
            {
                // Locked meanwhile by a concurrent request: a refusal that saves nothing, sent directly.
                tracker.AuthLoginFailure(account.TelemetryId, clientIp, LoginFailureReason.AccountLocked, account.ConsecutiveFailures);
                return Locked(account);
            }

            await using var events = db.CaptureTelemetryEvents();
            account.ConsecutiveFailures++;
            var locks = account.ConsecutiveFailures >= policy.MaxPasswordFailures;
            tracker.AuthLoginFailure(account.TelemetryId, clientIp, LoginFailureReason.InvalidPassword, account.ConsecutiveFailures);
            if (locks)
            {
                account.LockedUntil = now + policy.LockDuration;
                tracker.AuthAccountLocked(account.TelemetryId, clientIp, LockTrigger.PasswordFailures, account.ConsecutiveFailures, policy.LockDuration);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxSaveAttempts)
            {
                await db.ReloadAfterLostRaceAsync(account, cancellationToken);
                continue;
            }

            return locks ? Locked(account) : WrongCredentials();
        }
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
