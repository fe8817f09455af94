using MedicApp.Api.Features.Journey;
using MedicApp.Api.Features.Patients;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Tests.Journey;

public sealed class PatientJourneyTests
{
    [Theory]
    [InlineData(JourneyState.Registered, JourneyState.DossierCompleted, true)]
    [InlineData(JourneyState.SignaturesPending, JourneyState.Signed, true)]
    [InlineData(JourneyState.AppointmentBooked, JourneyState.ReadyForProcedure, true)]
    [InlineData(JourneyState.Registered, JourneyState.Signed, false)]
    [InlineData(JourneyState.ReflectionPeriod, JourneyState.Abandoned, false)]
    [InlineData(JourneyState.Completed, JourneyState.Abandoned, false)]
    [InlineData(JourneyState.Abandoned, JourneyState.Registered, false)]
    public void CanMove_FollowsTheJourney(JourneyState from, JourneyState to, bool expected)
        => Assert.Equal(expected, PatientJourney.CanMove(from, to));

    [Fact]
    public void Abandonable_LeavesOutTheReflectionPeriodAndTheEnds()
        => Assert.Equal(
            [JourneyState.Registered, JourneyState.DossierCompleted, JourneyState.ContactVerified, JourneyState.SignaturesPending, JourneyState.ReadyForProcedure, JourneyState.AppointmentBooked],
            PatientJourney.Abandonable);

    [Fact]
    public void Move_RecordsTimeInStateAndActivity()
    {
        var since = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var patient = new Patient { Id = Guid.NewGuid(), Email = "", Phone = "", EmailTokenHash = "", PhoneCodeHash = "", JourneyState = JourneyState.Registered, JourneyStateSince = since };

        var transition = PatientJourney.Move(patient, JourneyState.DossierCompleted, TransitionTrigger.PatientAction, since.AddHours(3));

        Assert.Equal(new JourneyTransition(patient.TelemetryId, JourneyState.Registered, JourneyState.DossierCompleted, TransitionTrigger.PatientAction, TimeSpan.FromHours(3)), transition);
        Assert.Equal((JourneyState.DossierCompleted, since.AddHours(3), since.AddHours(3)), (patient.JourneyState, patient.JourneyStateSince, patient.LastActivityAt));
    }

    [Fact]
    public void Move_NotAllowed_ThrowsAndChangesNothing()
    {
        var patient = new Patient { Id = Guid.NewGuid(), Email = "", Phone = "", EmailTokenHash = "", PhoneCodeHash = "", JourneyState = JourneyState.Completed };

        Assert.Throws<InvalidOperationException>(() => PatientJourney.Move(patient, JourneyState.Registered, TransitionTrigger.StaffAction, DateTimeOffset.UnixEpoch));
        Assert.Equal(JourneyState.Completed, patient.JourneyState);
    }

    [Fact]
    public void Planned_MoveOutOfTheTable_IsRefusedBeforeAnyUpdate()
    {
        Assert.Throws<InvalidOperationException>(static () => PatientJourney.Planned("p", JourneyState.ReflectionPeriod, JourneyState.Abandoned, TransitionTrigger.ScheduledJob, TimeSpan.Zero));
        Assert.Equal(TimeSpan.Zero, PatientJourney.Planned("p", JourneyState.Registered, JourneyState.Abandoned, TransitionTrigger.ScheduledJob, TimeSpan.FromSeconds(-1)).TimeInState);
    }
}
