using MedicApp.Api.Infrastructure;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Auth.Access;

/// <summary>
/// Refusals, each tracked as <c>auth_access_denied</c> with what the endpoint protects (its <see cref="ProtectedResource"/>
/// metadata). A record the session may not reach answers 404, as one that does not exist, so that ids cannot be probed.
/// </summary>
internal static class AccessDenials
{
    public static TBuilder Protects<TBuilder>(this TBuilder builder, ProtectedResource resource)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new ProtectedResourceMetadata(resource));

    public static IResult NotTheirs(HttpContext context, string what)
    {
        Report(context, AccessDeniedReason.NotTheirs);
        return Problems.NotFound(what);
    }

    public static IResult Forbidden(HttpContext context, string detail)
    {
        Report(context, AccessDeniedReason.Role);
        return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This session may not do this.", detail: detail);
    }

    public static void Report(HttpContext context, AccessDeniedReason reason)
        => context.RequestServices.GetRequiredService<EventTracker>().AuthAccessDenied(reason, context.GetEndpoint()?.Metadata.GetMetadata<ProtectedResourceMetadata>()?.Resource ?? ProtectedResource.Session);
}
