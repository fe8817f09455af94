using MedicApp.Api.Data;
using MedicApp.Api.Features.Journey;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedicApp.Api.Features.Signatures;

/// <summary>
/// Ends a signature request once, whoever reports it (Yousign's webhook, retried or not, or the clinic), and starts the
/// reflection period once every required document is signed. Each step is a conditional update committed with the
/// events that report it.
/// </summary>
internal sealed class SignatureCompletion(MedicAppDbContext db, EventTracker tracker, TimeProvider time, IOptions<SignatureOptions> signatures, IOptions<JourneyOptions> journey)
{
    /// <summary>Records the outcome; false when the request had already ended (nothing is emitted again).</summary>
    public async Task<bool> CompleteAsync(SignatureRequest request, SignatureOutcome outcome, TransitionTrigger trigger, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();

        // Concurrent deliveries of one webhook race here: the conditional update lets exactly one through.
        var ended = await db.ClaimWithEventsAsync(
            ct => db.SignatureRequests
                .Where(r => r.Id == request.Id && r.CompletedAt == null)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(static r => r.CompletedAt, now).SetProperty(static r => r.Outcome, outcome).SetProperty(static r => r.Version, static r => r.Version + 1),
                    ct),
            () => TrackEnd(request, outcome, now),
            cancellationToken);
        if (!ended)
        {
            return false;
        }

        // A transaction of its own, after the end is committed: of two last signatures ended at once, the second to
        // commit sees both signed.
        if (outcome == SignatureOutcome.Signed)
        {
            await StartReflectionPeriodIfAllSignedAsync(request, trigger, now, cancellationToken);
        }

        return true;
    }

    private async Task StartReflectionPeriodIfAllSignedAsync(SignatureRequest last, TransitionTrigger trigger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var patientId = last.PatientId;
        var signed = await db.SignatureRequests.AsNoTracking()
            .Where(r => r.PatientId == patientId && r.Outcome == SignatureOutcome.Signed)
            .ToListAsync(cancellationToken);
        if (!signatures.Value.Required.All(document => signed.Any(r => r.Document == document)))
        {
            return;
        }

        // Two last signatures reported at once both see every document signed: the state decides which one reports it.
        var id = patientId.ToString("D");
        var endsAt = now + journey.Value.ReflectionPeriod;
        var patient = await db.Patients.AsNoTracking().FirstAsync(p => p.Id == patientId, cancellationToken);
        JourneyTransition[] transitions =
        [
            PatientJourney.Planned(id, JourneyState.SignaturesPending, JourneyState.Signed, trigger, now - patient.JourneyStateSince),
            PatientJourney.Planned(id, JourneyState.Signed, JourneyState.ReflectionPeriod, trigger, TimeSpan.Zero),
        ];
        await db.ClaimWithEventsAsync(
            ct => db.Patients
                .Where(p => p.Id == patientId && p.JourneyState == JourneyState.SignaturesPending)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(static p => p.JourneyState, JourneyState.ReflectionPeriod)
                        .SetProperty(static p => p.JourneyStateSince, now)
                        .SetProperty(static p => p.LastActivityAt, now)
                        .SetProperty(static p => p.ReflectionPeriodEndsAt, endsAt)
                        .SetProperty(static p => p.Version, static p => p.Version + 1),
                    ct),
            () =>
            {
                tracker.SignatureAllCompleted(
                    id,
                    signed.Count,
                    signed.Count(static r => r.Provider == SignatureProvider.Yousign),
                    signed.Count(static r => r.Provider == SignatureProvider.Clinic),
                    signed.Max(static r => r.CompletedAt!.Value) - signed.Min(static r => r.CreatedAt),
                    endsAt,
                    last.Provider);
                tracker.Track(transitions);
            },
            cancellationToken);
    }

    private void TrackEnd(SignatureRequest request, SignatureOutcome outcome, DateTimeOffset now)
    {
        var patientId = request.PatientId.ToString("D");
        var timeToSign = now - request.CreatedAt;
        if (request.Provider == SignatureProvider.Yousign)
        {
            tracker.SignatureYousignCompleted(patientId, request.ExternalId!, request.Document, outcome, timeToSign);
        }
        else
        {
            tracker.SignatureCabinetCompleted(patientId, request.ClinicId!, request.PractitionerId!, request.Document, outcome, timeToSign);
        }
    }
}
