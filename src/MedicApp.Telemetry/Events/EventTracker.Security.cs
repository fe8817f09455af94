using System;

namespace MedicApp.Telemetry.Events;

// LOG-15: authentication. Passwords and codes are never parameters: only outcomes, methods and counts are.
public sealed partial class EventTracker
{
    /// <summary>Tracks <c>auth_login_success</c>: a password login succeeded.</summary>
    /// <param name="accountId">The account's id.</param>
    /// <param name="clientIp">The client IP address.</param>
    /// <param name="role">The account's role.</param>
    /// <param name="mfaRequired">Whether a multi-factor code is asked next.</param>
    /// <param name="failedAttempts">Failed attempts since the previous success.</param>
    [TelemetryEvent("auth_login_success", Area = "LOG-15", Description = "A password login succeeded.")]
    public partial void AuthLoginSuccess(
        [Pseudonymized("The account, pseudonymized.")] string accountId,
        [Pseudonymized("The client IP address, pseudonymized.")] string clientIp,
        [NotPersonal("The account's role.")] UserRole role,
        [NotPersonal("Whether a multi-factor code is asked next.")] bool mfaRequired,
        [NotPersonal("Failed attempts since the previous success.")] int failedAttempts);

    /// <summary>Tracks <c>auth_login_failure</c>: a password login failed.</summary>
    /// <param name="accountId">The account's id, or the login typed when no account matches.</param>
    /// <param name="clientIp">The client IP address.</param>
    /// <param name="reason">Why it failed.</param>
    /// <param name="consecutiveFailures">Failures in a row for this account, this one included.</param>
    [TelemetryEvent("auth_login_failure", Area = "LOG-15", Description = "A password login failed. Feeds the brute-force alert per account and per client IP.")]
    public partial void AuthLoginFailure(
        [Pseudonymized("The account (or the login typed when no account matches), pseudonymized.")] string accountId,
        [Pseudonymized("The client IP address, pseudonymized.")] string clientIp,
        [NotPersonal("Why it failed.")] LoginFailureReason reason,
        [NotPersonal("Failures in a row for this account, this one included.")] int consecutiveFailures);

    /// <summary>Tracks <c>auth_mfa_sent</c>: a multi-factor code was sent.</summary>
    /// <param name="accountId">The account's id.</param>
    /// <param name="method">How the code was sent.</param>
    [TelemetryEvent("auth_mfa_sent", Area = "LOG-15", Description = "A multi-factor code was sent (the code itself never is).")]
    public partial void AuthMfaSent(
        [Pseudonymized("The account, pseudonymized.")] string accountId,
        [NotPersonal("How the code was sent.")] MfaMethod method);

    /// <summary>Tracks <c>auth_mfa_success</c>: a multi-factor code was accepted.</summary>
    /// <param name="accountId">The account's id.</param>
    /// <param name="method">How the code was sent.</param>
    /// <param name="attemptCount">Codes entered, this one included.</param>
    /// <param name="timeToVerify">Time from sending the code to its entry.</param>
    [TelemetryEvent("auth_mfa_success", Area = "LOG-15", Description = "A multi-factor code was accepted; the login is complete.")]
    public partial void AuthMfaSuccess(
        [Pseudonymized("The account, pseudonymized.")] string accountId,
        [NotPersonal("How the code was sent.")] MfaMethod method,
        [NotPersonal("Codes entered, this one included.")] int attemptCount,
        [NotPersonal("Time from sending the code to its entry.")] TimeSpan timeToVerify);

    /// <summary>Tracks <c>auth_mfa_failure</c>: a multi-factor code was rejected.</summary>
    /// <param name="accountId">The account's id.</param>
    /// <param name="clientIp">The client IP address.</param>
    /// <param name="method">How the code was sent.</param>
    /// <param name="reason">Why it was rejected.</param>
    /// <param name="attemptCount">Codes entered, this one included.</param>
    [TelemetryEvent("auth_mfa_failure", Area = "LOG-15", Description = "A multi-factor code was rejected.")]
    public partial void AuthMfaFailure(
        [Pseudonymized("The account, pseudonymized.")] string accountId,
        [Pseudonymized("The client IP address, pseudonymized.")] string clientIp,
        [NotPersonal("How the code was sent.")] MfaMethod method,
        [NotPersonal("Why it was rejected.")] MfaFailureReason reason,
        [NotPersonal("Codes entered, this one included.")] int attemptCount);

    /// <summary>Tracks <c>auth_account_locked</c>: an account was locked after repeated failures.</summary>
    /// <param name="accountId">The account's id.</param>
    /// <param name="clientIp">The client IP address of the last failure.</param>
    /// <param name="trigger">What locked it.</param>
    /// <param name="failedAttempts">Failures that led to the lock.</param>
    /// <param name="lockDuration">How long the account stays locked.</param>
    [TelemetryEvent("auth_account_locked", Area = "LOG-15", Description = "An account was locked after repeated failures.")]
    public partial void AuthAccountLocked(
        [Pseudonymized("The account, pseudonymized.")] string accountId,
        [Pseudonymized("The client IP address of the last failure, pseudonymized.")] string clientIp,
        [NotPersonal("What locked it.")] LockTrigger trigger,
        [NotPersonal("Failures that led to the lock.")] int failedAttempts,
        [NotPersonal("How long the account stays locked.")] TimeSpan lockDuration);

    /// <summary>Tracks <c>internal_pseudonym_lookup</c>: pseudonyms from an alert were turned back into records.</summary>
    /// <param name="pseudonyms">Pseudonyms asked for.</param>
    /// <param name="recordsFound">Pseudonyms that named a patient or an account.</param>
    /// <param name="addressesMatched">Pseudonyms that matched one of the client addresses given.</param>
    [TelemetryEvent("internal_pseudonym_lookup", Area = "LOG-15", Description = "Pseudonyms from telemetry were turned back into records through POST /internal/lookup, to act on an alert: the audit of each lookup, as counts.")]
    public partial void InternalPseudonymLookup(
        [NotPersonal("Pseudonyms asked for.")] int pseudonyms,
        [NotPersonal("Pseudonyms that named a patient or an account.")] int recordsFound,
        [NotPersonal("Pseudonyms that matched one of the client addresses given.")] int addressesMatched);

    /// <summary>Tracks <c>auth_session_issued</c>: a session was issued; its tokens never are tracked.</summary>
    /// <param name="accountId">The account's id.</param>
    /// <param name="role">The account's role.</param>
    /// <param name="origin">What the session was issued after.</param>
    /// <param name="lifetime">How long the session lasts at most, refreshes included.</param>
    [TelemetryEvent("auth_session_issued", Area = "LOG-15", Description = "A session was issued, after the multi-factor step or at registration; its tokens and id never leave the API.")]
    public partial void AuthSessionIssued(
        [Pseudonymized("The account, pseudonymized.")] string accountId,
        [NotPersonal("The account's role.")] UserRole role,
        [NotPersonal("What the session was issued after.")] SessionOrigin origin,
        [NotPersonal("How long the session lasts at most, refreshes included.")] TimeSpan lifetime);

    /// <summary>Tracks <c>auth_session_revoked</c>: an account's sessions were ended before their time.</summary>
    /// <param name="accountId">The account's id.</param>
    /// <param name="reason">Why they were revoked.</param>
    /// <param name="sessions">How many sessions were revoked.</param>
    [TelemetryEvent("auth_session_revoked", Area = "LOG-15", Description = "Sessions of an account were revoked: a logout, a lockout, or a refresh token used twice.")]
    public partial void AuthSessionRevoked(
        [Pseudonymized("The account, pseudonymized.")] string accountId,
        [NotPersonal("Why they were revoked.")] SessionRevocationReason reason,
        [NotPersonal("How many sessions were revoked.")] int sessions);

    /// <summary>Tracks <c>auth_rate_limited</c>: a client address went over a step's rate limit.</summary>
    /// <param name="clientIp">The client IP address.</param>
    /// <param name="operation">The step limited.</param>
    /// <param name="window">The window the limit counts over.</param>
    /// <param name="permitLimit">Requests the limit allows per window and address.</param>
    [TelemetryEvent("auth_rate_limited", Area = "LOG-15", Description = "A client address went over the rate limit of a sign-in or registration step: reported once per address, step and window, whatever the number refused. Feeds the brute-force alert per client IP.")]
    public partial void AuthRateLimited(
        [Pseudonymized("The client IP address, pseudonymized.")] string clientIp,
        [NotPersonal("The step limited.")] RateLimitedOperation operation,
        [NotPersonal("The window the limit counts over.")] TimeSpan window,
        [NotPersonal("Requests the limit allows per window and address.")] int permitLimit);

    /// <summary>Tracks <c>auth_access_denied</c>: a request was refused access; who and which record never are tracked.</summary>
    /// <param name="reason">Why it was refused.</param>
    /// <param name="resource">What it tried to reach.</param>
    [TelemetryEvent("auth_access_denied", Area = "LOG-15", Description = "A request was refused access: no session, an ended session, a role that may not, or a record not theirs (answered as not found). Counts only, no identity.")]
    public partial void AuthAccessDenied(
        [NotPersonal("Why it was refused.")] AccessDeniedReason reason,
        [NotPersonal("What it tried to reach.")] ProtectedResource resource);
}
