using MedicApp.Api.Features.Auth.Access;
namespace MedicApp.Api.Features.InternalJobs;

/// <summary>The M4 jobs, called on a schedule with the internal key: reflection periods ended, journeys abandoned.</summary>
internal static class InternalJobEndpoints
{
    public static IEndpointRouteBuilder MapInternalJobs(this IEndpointRouteBuilder routes)
    {
        var jobs = routes.MapGroup("/internal").WithTags("Internal jobs").AddEndpointFilter<InternalJobKeyFilter>()
            .AllowAnonymousBecause(InternalJobKeyFilter.AnonymousReason);
        jobs.MapGet("/" + ReflectionPeriodJob.Name, static (ReflectionPeriodJob job, CancellationToken cancellationToken) => job.RunAsync(cancellationToken))
            .WithSummary("Emits reflection_period_ended once for each patient whose reflection period has ended.");
        jobs.MapGet("/" + AbandonedJourneyJob.Name, static (AbandonedJourneyJob job, CancellationToken cancellationToken) => job.RunAsync(cancellationToken))
            .WithSummary("Emits patient_journey_abandoned once for each journey inactive beyond Journey:AbandonAfter.");
        return routes;
    }
}
