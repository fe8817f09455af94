using System;

namespace MedicApp.Telemetry.Events;

// LOG-16: the patient journey and the internal jobs (M4).
public sealed partial class EventTracker
{
    /// <summary>Tracks <c>patient_journey_transition</c>: a patient's journey moved to a new state.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <param name="fromState">The state left.</param>
    /// <param name="toState">The state entered.</param>
    /// <param name="trigger">What moved the journey.</param>
    /// <param name="timeInState">Time spent in the state left.</param>
    [TelemetryEvent("patient_journey_transition", Area = "LOG-16", Description = "A patient's journey moved from one state to another.")]
    public partial void PatientJourneyTransition(
        [Pseudonymized("The patient, pseudonymized.")] string patientId,
        [NotPersonal("The state left.")] JourneyState fromState,
        [NotPersonal("The state entered.")] JourneyState toState,
        [NotPersonal("What moved the journey.")] TransitionTrigger trigger,
        [NotPersonal("Time spent in the state left.")] TimeSpan timeInState);

    /// <summary>Tracks <c>reflection_period_ended</c>: a patient's legal reflection period is over.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <param name="reflectionPeriod">The legal period that applied.</param>
    /// <param name="overdue">Time between the end of the period and its detection by the job.</param>
    /// <param name="signedAt">When the last document was signed, which started the period.</param>
    [TelemetryEvent("reflection_period_ended", Area = "LOG-16", Description = "A patient's legal reflection period is over; emitted once by GET /internal/check-reflection-period.")]
    public partial void ReflectionPeriodEnded(
        [Pseudonymized("The patient, pseudonymized.")] string patientId,
        [NotPersonal("The legal period that applied.")] TimeSpan reflectionPeriod,
        [NotPersonal("Time between the end of the period and its detection by the job.")] TimeSpan overdue,
        [NotPersonal("When the last document was signed, which started the period.")] DateTimeOffset signedAt);

    /// <summary>Tracks <c>patient_journey_abandoned</c>: a journey had no activity for longer than the threshold.</summary>
    /// <param name="patientId">The patient's id.</param>
    /// <param name="lastState">The state the journey stopped in.</param>
    /// <param name="inactiveFor">Time since the last activity.</param>
    /// <param name="threshold">The inactivity threshold that applied.</param>
    [TelemetryEvent("patient_journey_abandoned", Area = "LOG-16", Description = "A patient's journey had no activity for longer than the threshold; emitted once by GET /internal/check-abandoned-journeys.")]
    public partial void PatientJourneyAbandoned(
        [Pseudonymized("The patient, pseudonymized.")] string patientId,
        [NotPersonal("The state the journey stopped in.")] JourneyState lastState,
        [NotPersonal("Time since the last activity.")] TimeSpan inactiveFor,
        [NotPersonal("The inactivity threshold that applied.")] TimeSpan threshold);

    /// <summary>Tracks <c>internal_job_completed</c>: an internal job ran to its end; the heartbeat its alert watches.</summary>
    /// <param name="job">The job.</param>
    /// <param name="processed">How many patients it reported, 0 included.</param>
    /// <param name="duration">How long the run took.</param>
    [TelemetryEvent("internal_job_completed", Area = "LOG-16", Description = "An internal job ran to its end, whatever it found: the heartbeat that shows the jobs still run.")]
    public partial void InternalJobCompleted(
        [NotPersonal("The job.")] InternalJob job,
        [NotPersonal("How many patients it reported, 0 included.")] int processed,
        [NotPersonal("How long the run took.")] TimeSpan duration);
}
