using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Journey;

/// <summary>A move of a patient's journey, saved with the patient and tracked once the save succeeded.</summary>
internal sealed record JourneyTransition(string PatientId, JourneyState From, JourneyState To, TransitionTrigger Trigger, TimeSpan TimeInState);
