using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Auth.RateLimits;

/// <summary>
/// The rate limits of the sign-in and registration steps, per client address (RateLimits:Login:PermitLimit, …:Window).
/// Generous on purpose: a clinic's desks share one address behind its router, and the per-account lockout already
/// stops guessing on one account; these stop one address from trying many.
/// </summary>
internal sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    public RateLimit Login { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    public RateLimit Mfa { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    public RateLimit Refresh { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    public RateLimit Registration { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(10) };

    public RateLimit Verification { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    public RateLimit For(RateLimitedOperation operation) => operation switch
    {
        RateLimitedOperation.Login => Login,
        RateLimitedOperation.Mfa => Mfa,
        RateLimitedOperation.Refresh => Refresh,
        RateLimitedOperation.Registration => Registration,
        _ => Verification,
    };
}
