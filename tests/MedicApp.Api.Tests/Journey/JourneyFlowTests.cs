using System.Net;
using MedicApp.Api.Data;
using MedicApp.Api.Tests.Hosting;

namespace MedicApp.Api.Tests.Journey;

public abstract class JourneyFlowTests : ApiTest
{
    public sealed class OnSqlite : JourneyFlowTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class OnPostgreSql : JourneyFlowTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    }

    [Fact]
    public async Task Journey_FromRegistrationToCompletion_EmitsEveryTransitionInOrder()
    {
        var id = await Steps.InReflectionPeriodAsync();
        Host.Time.Advance(TimeSpan.FromDays(15));
        await Steps.RunJobAsync("check-reflection-period");
        await Steps.As(id).PostAsync("/appointments", new { patientId = id, practitionerId = "prac-0001", kind = "procedure", startsAt = Steps.Slot(days: 2) }, HttpStatusCode.Created);
        await (await Steps.StaffAsync()).PostAsync($"/patients/{id}/journey/completion", null, HttpStatusCode.Conflict);
        Host.Time.Advance(TimeSpan.FromDays(4));

        var patient = await (await Steps.StaffAsync()).PostAsync($"/patients/{id}/journey/completion", null, HttpStatusCode.OK);

        Assert.Equal("completed", patient.Text("journeyState"));
        Assert.Equal(
            [
                "registered>dossier_completed:patient_action",
                "dossier_completed>contact_verified:patient_action",
                "contact_verified>signatures_pending:patient_action",
                "signatures_pending>signed:signature_webhook",
                "signed>reflection_period:signature_webhook",
                "reflection_period>ready_for_procedure:scheduled_job",
                "ready_for_procedure>appointment_booked:patient_action",
                "appointment_booked>completed:staff_action",
            ],
            EventAssert.Transitions(Host, id));
    }

    [Fact]
    public async Task CancellingTheProcedure_MovesTheJourneyBack()
    {
        var id = await Steps.InReflectionPeriodAsync();
        Host.Time.Advance(TimeSpan.FromDays(15));
        await Steps.RunJobAsync("check-reflection-period");
        var procedure = await Steps.As(id).PostAsync("/appointments", new { patientId = id, practitionerId = "prac-0003", kind = "procedure", startsAt = Steps.Slot(days: 5) }, HttpStatusCode.Created);

        await (await Steps.StaffAsync("desk@clinic-lyon-2.example.fr")).PostAsync($"/appointments/{procedure.Text("id")}/cancellation", new { cancelledBy = "clinic", reason = "practitioner_unavailable" }, HttpStatusCode.OK);

        Assert.Equal("appointment_booked>ready_for_procedure:staff_action", EventAssert.Transitions(Host, id)[^1]);
    }
}
