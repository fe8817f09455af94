using System.Collections.Frozen;
using MedicApp.Api.Features.Patients;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Journey;

/// <summary>
/// The patient's journey as a state machine: registered → file completed → contact verified → signatures pending →
/// signed → reflection period → ready for the procedure → appointment booked → completed; abandoned from any state
/// but the reflection period, which the law makes the patient wait through.
/// </summary>
internal static class PatientJourney
{
    private static readonly FrozenDictionary<JourneyState, JourneyState[]> s_next = new Dictionary<JourneyState, JourneyState[]>
    {
        [JourneyState.Registered] = [JourneyState.DossierCompleted, JourneyState.Abandoned],
        [JourneyState.DossierCompleted] = [JourneyState.ContactVerified, JourneyState.Abandoned],
        [JourneyState.ContactVerified] = [JourneyState.SignaturesPending, JourneyState.Abandoned],
        [JourneyState.SignaturesPending] = [JourneyState.Signed, JourneyState.Abandoned],
        [JourneyState.Signed] = [JourneyState.ReflectionPeriod],
        [JourneyState.ReflectionPeriod] = [JourneyState.ReadyForProcedure],
        [JourneyState.ReadyForProcedure] = [JourneyState.AppointmentBooked, JourneyState.Abandoned],
        [JourneyState.AppointmentBooked] = [JourneyState.Completed, JourneyState.ReadyForProcedure, JourneyState.Abandoned],
        [JourneyState.Completed] = [],
        [JourneyState.Abandoned] = [],
    }.ToFrozenDictionary();

    /// <summary>The states a job may report abandoned: neither finished nor waiting by law.</summary>
    public static readonly JourneyState[] Abandonable = [.. s_next.Where(static s => s.Value.Contains(JourneyState.Abandoned)).Select(static s => s.Key).Order()];

    public static bool CanMove(JourneyState from, JourneyState to) => s_next[from].Contains(to);

    /// <summary>Moves <paramref name="patient"/> to <paramref name="to"/>; the caller tracks the transition, captured, then saves both.</summary>
    /// <exception cref="InvalidOperationException">The journey cannot go there from where it is.</exception>
    public static JourneyTransition Move(Patient patient, JourneyState to, TransitionTrigger trigger, DateTimeOffset now)
    {
        var transition = Planned(patient.TelemetryId, patient.JourneyState, to, trigger, now - patient.JourneyStateSince);
        patient.JourneyState = to;
        patient.JourneyStateSince = now;
        patient.LastActivityAt = now;
        return transition;
    }

    /// <summary>
    /// A move that a conditional update makes in the database (a job, the last signature) instead of on a loaded patient:
    /// checked against the journey before the update runs, tracked in its transaction once it has.
    /// </summary>
    /// <exception cref="InvalidOperationException">The journey cannot go there from where it is.</exception>
    public static JourneyTransition Planned(string patientId, JourneyState from, JourneyState to, TransitionTrigger trigger, TimeSpan timeInState)
        => CanMove(from, to)
            ? new JourneyTransition(patientId, from, to, trigger, Max(timeInState, TimeSpan.Zero))
            : throw new InvalidOperationException($"A journey cannot go from {from} to {to}.");

    public static void Track(this EventTracker tracker, IEnumerable<JourneyTransition> transitions)
    {
        foreach (var t in transitions)
        {
            tracker.PatientJourneyTransition(t.PatientId, t.From, t.To, t.Trigger, t.TimeInState);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
