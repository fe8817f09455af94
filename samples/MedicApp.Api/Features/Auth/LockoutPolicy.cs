namespace MedicApp.Api.Features.Auth;

/// <summary>How many failures lock an account and for how long; how long a multi-factor code lives.</summary>
internal sealed class LockoutPolicy
{
    public const string SectionName = "Auth";

    public int MaxPasswordFailures { get; set; } = 5;

    public int MaxMfaAttempts { get; set; } = 5;

    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan MfaCodeLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
