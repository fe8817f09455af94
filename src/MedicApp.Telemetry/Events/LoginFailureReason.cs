namespace MedicApp.Telemetry.Events;

/// <summary>Why a login failed.</summary>
public enum LoginFailureReason
{
    /// <summary>The password did not match.</summary>
    InvalidPassword,

    /// <summary>No account has this login.</summary>
    UnknownAccount,

    /// <summary>The account is locked.</summary>
    AccountLocked,

    /// <summary>The account is disabled.</summary>
    AccountDisabled,

    /// <summary>The email address is not verified yet.</summary>
    EmailNotVerified,
}
