using Microsoft.EntityFrameworkCore;

namespace MedicApp.Api.Data;

/// <summary>
/// Runs an endpoint again when its save lost a race on a versioned row (<see cref="IVersioned"/>): the attempt's changes
/// and the events captured with them were forgotten (<see cref="MedicAppDbContext"/>), and the second run reads what the
/// winner saved, so that it answers as a request sent just after it would (409, or the idempotent result), and emits
/// nothing the winner already did.
/// </summary>
internal sealed class LostRaceRetry : IEndpointFilter
{
    // Each run that loses lets another request through: this many losses in a row only happen under a flood.
    private const int MaxRuns = 20;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        for (var run = 1; ; run++)
        {
            try
            {
                return await next(context);
            }
            catch (DbUpdateConcurrencyException) when (run < MaxRuns)
            {
                // Nothing to undo: the context has let go of the attempt.
            }
        }
    }
}
