using MedicApp.Api.Data;
using MedicApp.Api.Features.Journey;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedicApp.Api.Features.InternalJobs;

/// <summary>
/// Reports every patient whose legal reflection period has ended (<c>reflection_period_ended</c>) and moves their journey
/// on to "ready for the procedure". Safe to run often and concurrently: each patient is claimed by one conditional
/// update, so reported once, ever. The claim and its events are committed together: a run that fails between them
/// leaves the patient to the next run, which reports it then.
/// </summary>
internal sealed class ReflectionPeriodJob(MedicAppDbContext db, EventTracker tracker, TimeProvider time, IOptions<InternalJobOptions> options)
{
    public const string Name = "check-reflection-period";

    public async Task<JobReport> RunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var batchSize = options.Value.BatchSize;
        var due = await db.Patients.AsNoTracking()
            .Where(p => p.JourneyState == JourneyState.ReflectionPeriod && p.ReflectionEndReportedAt == null && p.ReflectionPeriodEndsAt <= now)
            .OrderBy(static p => p.Id)
            .Take(batchSize + 1)
            .Select(static p => new { p.Id, p.JourneyStateSince, EndsAt = p.ReflectionPeriodEndsAt!.Value })
            .ToListAsync(cancellationToken);

        var processed = 0;
        foreach (var patient in due.Take(batchSize))
        {
            var id = patient.Id.ToString("D");
            var transition = PatientJourney.Planned(id, JourneyState.ReflectionPeriod, JourneyState.ReadyForProcedure, TransitionTrigger.ScheduledJob, now - patient.JourneyStateSince);
            var claimed = await db.ClaimWithEventsAsync(
                ct => db.Patients
                    .Where(p => p.Id == patient.Id && p.ReflectionEndReportedAt == null && p.JourneyState == JourneyState.ReflectionPeriod)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(static p => p.ReflectionEndReportedAt, now)
                            .SetProperty(static p => p.JourneyState, JourneyState.ReadyForProcedure)
                            .SetProperty(static p => p.JourneyStateSince, now)
                            .SetProperty(static p => p.LastActivityAt, now)
                            .SetProperty(static p => p.Version, static p => p.Version + 1),
                        ct),
                () =>
                {
                    tracker.ReflectionPeriodEnded(id, patient.EndsAt - patient.JourneyStateSince, now - patient.EndsAt, patient.JourneyStateSince);
                    tracker.Track([transition]);
                },
                cancellationToken);
            if (claimed)
            {
                processed++;
            }
        }

        // The heartbeat: emitted on every run that reaches its end, found something or not; a run that throws has none.
        tracker.InternalJobCompleted(InternalJob.CheckReflectionPeriod, processed, time.GetElapsedTime(started));
        return new JobReport(Name, processed, due.Count > batchSize, now);
    }
}
