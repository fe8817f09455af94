using System.Globalization;
using System.Threading.RateLimiting;
using MedicApp.Api.Infrastructure;
using MedicApp.Telemetry.Events;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MedicApp.Api.Features.Auth.RateLimits;

/// <summary>
/// ASP.NET Core's rate limiter on the steps anyone may call: one fixed window per step and client address, a 429 with
/// Retry-After beyond it. The protocol-level defence next to the per-account lockout; ALERT-05 counts both.
/// </summary>
internal static class AuthRateLimiting
{
    public static IServiceCollection AddAuthRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName)
            .Validate(static o => Enum.GetValues<RateLimitedOperation>().All(op => o.For(op).IsValid), "Every RateLimits:*:PermitLimit must be at least 1 and every RateLimits:*:Window positive.")
            .ValidateOnStart();
        services.AddSingleton<RateLimitReports>();
        services.AddRateLimiter(static limiter =>
        {
            foreach (var operation in Enum.GetValues<RateLimitedOperation>())
            {
                limiter.AddPolicy(operation.ToString(), context =>
                {
                    var limit = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.For(operation);
                    return RateLimitPartition.GetFixedWindowLimiter(
                        ClientAddress.Of(context),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0 });
                });
            }

            limiter.OnRejected = static async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var operation = Enum.Parse<RateLimitedOperation>(context.GetEndpoint()!.Metadata.GetRequiredMetadata<EnableRateLimitingAttribute>().PolicyName!);
                var limit = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.For(operation);
                context.RequestServices.GetRequiredService<RateLimitReports>().Refused(operation, ClientAddress.Of(context));
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                }

                await Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests from this address.",
                    detail: $"At most {limit.PermitLimit} per {limit.Window:g} from one address: try again after Retry-After seconds.")
                    .ExecuteAsync(context);
            };
        });
        return services;
    }

    /// <summary>Limits this endpoint per client address, as <paramref name="operation"/>.</summary>
    public static TBuilder RateLimitedAs<TBuilder>(this TBuilder builder, RateLimitedOperation operation)
        where TBuilder : IEndpointConventionBuilder
        => builder.RequireRateLimiting(operation.ToString());
}
