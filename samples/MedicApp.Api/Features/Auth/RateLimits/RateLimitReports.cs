using System.Threading.RateLimiting;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;
using Microsoft.Extensions.Options;

namespace MedicApp.Api.Features.Auth.RateLimits;

/// <summary>
/// Reports an address over a limit once per step and window (<c>auth_rate_limited</c>): a flood of refused requests
/// must not become a flood of events.
/// </summary>
internal sealed class RateLimitReports(EventTracker tracker, IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<(RateLimitedOperation Operation, string Address)> _reported = PartitionedRateLimiter.Create<(RateLimitedOperation Operation, string Address), (RateLimitedOperation, string)>(
        key => RateLimitPartition.GetFixedWindowLimiter(key, k => new FixedWindowRateLimiterOptions { PermitLimit = 1, Window = options.Value.For(k.Item1).Window, QueueLimit = 0 }));

    public void Refused(RateLimitedOperation operation, string address)
    {
        using var lease = _reported.AttemptAcquire((operation, address));
        if (lease.IsAcquired)
        {
            var limit = options.Value.For(operation);
            tracker.AuthRateLimited(address, operation, limit.Window, limit.PermitLimit);
        }
    }

    public void Dispose() => _reported.Dispose();
}
