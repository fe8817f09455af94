using System.Security.Cryptography;
using System.Text;
using MedicApp.Api.Infrastructure;

namespace MedicApp.Api.Features.InternalJobs;

/// <summary>
/// Guards the internal jobs: the <c>X-Internal-Key</c> header must equal the <c>INTERNAL_JOBS_KEY</c> variable, compared
/// in constant time. Without a configured key the jobs stay closed (503), whatever is sent.
/// </summary>
internal sealed class InternalJobKeyFilter(IConfiguration configuration) : IEndpointFilter
{
    public const string HeaderName = "X-Internal-Key";
    public const string VariableName = "INTERNAL_JOBS_KEY";

    /// <summary>Why the internal endpoints take no session.</summary>
    public const string AnonymousReason = "Internal: the X-Internal-Key header, checked by its filter, is the credential; no session is involved.";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = configuration[VariableName];
        if (string.IsNullOrEmpty(expected))
        {
            return ValueTask.FromResult<object?>(Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "The internal jobs are closed.", detail: $"Set {VariableName} to open them."));
        }

        var received = context.HttpContext.Request.Headers[HeaderName];
        if (received.Count != 1 || !KeysMatch(received[0], expected))
        {
            return ValueTask.FromResult<object?>(Problems.Unauthorized($"The {HeaderName} header is missing or wrong."));
        }

        return next(context);
    }

    // Both keys are hashed first: equal lengths, so the comparison time says nothing about the key, not even its length.
    private static bool KeysMatch(string? received, string expected)
        => received is not null
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(received)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
