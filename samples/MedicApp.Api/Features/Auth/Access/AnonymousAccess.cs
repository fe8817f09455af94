using Microsoft.AspNetCore.Authorization;

namespace MedicApp.Api.Features.Auth.Access;

/// <summary>Why an endpoint may be called without a session: an exception to the rule, stated where it is made.</summary>
internal sealed record AnonymousReason(string Why);

/// <summary>Marks endpoints anonymous, always with a reason, which the endpoint-enumeration test requires.</summary>
internal static class AnonymousAccess
{
    public static TBuilder AllowAnonymousBecause<TBuilder>(this TBuilder builder, string why)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(why);
        return builder.WithMetadata(new AllowAnonymousAttribute(), new AnonymousReason(why));
    }
}
