using MedicApp.Api.Data;
using MedicApp.Api.Features.Journey;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedicApp.Api.Features.InternalJobs;

/// <summary>
/// Reports every journey without activity for longer than <see cref="JourneyOptions.AbandonAfter"/>
/// (<c>patient_journey_abandoned</c>) and closes it. A patient who acts between the read and the claim is not reported:
/// the claim requires the activity read. Each patient is reported once, ever: the claim and its events are committed
/// together, so a run that fails between them leaves the patient to the next run.
/// </summary>
internal sealed class AbandonedJourneyJob(MedicAppDbContext db, EventTracker tracker, TimeProvider time, IOptions<JourneyOptions> options, IOptions<InternalJobOptions> jobs)
{
    public const string Name = "check-abandoned-journeys";

    public async Task<JobReport> RunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var batchSize = jobs.Value.BatchSize;
        var threshold = options.Value.AbandonAfter;
        var inactiveSince = now - threshold;
        var states = PatientJourney.Abandonable;
        var idle = await db.Patients.AsNoTracking()
            .Where(p => states.Contains(p.JourneyState) && p.AbandonReportedAt == null && p.LastActivityAt < inactiveSince)
            .OrderBy(static p => p.Id)
            .Take(batchSize + 1)
            .Select(static p => new { p.Id, p.JourneyState, p.JourneyStateSince, p.LastActivityAt })
            .ToListAsync(cancellationToken);

        var processed = 0;
        foreach (var patient in idle.Take(batchSize))
        {
            var id = patient.Id.ToString("D");
            var transition = PatientJourney.Planned(id, patient.JourneyState, JourneyState.Abandoned, TransitionTrigger.ScheduledJob, now - patient.JourneyStateSince);
            var claimed = await db.ClaimWithEventsAsync(
                ct => db.Patients
                    .Where(p => p.Id == patient.Id && p.AbandonReportedAt == null && p.JourneyState == patient.JourneyState && p.LastActivityAt == patient.LastActivityAt)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(static p => p.AbandonReportedAt, now)
                            .SetProperty(static p => p.JourneyState, JourneyState.Abandoned)
                            .SetProperty(static p => p.JourneyStateSince, now)
                            .SetProperty(static p => p.Version, static p => p.Version + 1),
                        ct),
                () =>
                {
                    tracker.PatientJourneyAbandoned(id, patient.JourneyState, now - patient.LastActivityAt, threshold);
                    tracker.Track([transition]);
                },
                cancellationToken);
            if (claimed)
            {
                processed++;
            }
        }

        // The heartbeat: emitted on every run that reaches its end, found something or not; a run that throws has none.
        tracker.InternalJobCompleted(InternalJob.CheckAbandonedJourneys, processed, time.GetElapsedTime(started));
        return new JobReport(Name, processed, idle.Count > batchSize, now);
    }
}
