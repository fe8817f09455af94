namespace MedicApp.Api.Features.Auth.RateLimits;

/// <summary>How many requests a client address may send to a step per window.</summary>
internal sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    public bool IsValid => PermitLimit >= 1 && Window > TimeSpan.Zero;
}
