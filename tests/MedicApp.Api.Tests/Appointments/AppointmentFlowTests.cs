using System.Net.Http.Json;
using System.Net;
using MedicApp.Api.Data;
using MedicApp.Api.Tests.Hosting;
using static MedicApp.Api.Tests.Hosting.EventAssert;

namespace MedicApp.Api.Tests.Appointments;

public abstract class AppointmentFlowTests : ApiTest
{
    public sealed class OnSqlite : AppointmentFlowTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class OnPostgreSql : AppointmentFlowTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    }

    [Fact]
    public async Task Book_FreeSlot_EmitsBookedAndTheDaysUtilization()
    {
        var (id, _) = await Steps.RegisterAsync();
        var slot = Steps.Slot(days: 1);

        var appointment = await Steps.As(id).PostAsync("/appointments", new { patientId = id, practitionerId = "prac-0002", kind = "consultation", startsAt = slot, channel = "phone" }, HttpStatusCode.Created);

        Single(Host, "appointment_booked", new Dictionary<string, string>
        {
            ["patient_id"] = Pseudonym(Host, id),
            ["appointment_id"] = Pseudonym(Host, appointment.Text("id")),
            ["practitioner_id"] = Pseudonym(Host, "prac-0002"),
            ["clinic_id"] = "clinic-paris-8",
            ["kind"] = "consultation",
            ["channel"] = "phone",
            ["lead_time_ms"] = Milliseconds(DateTimeOffset.Parse(slot, System.Globalization.CultureInfo.InvariantCulture) - ApiHost.Start),
        });
        Single(Host, "appointment_slot_utilization", new Dictionary<string, string>
        {
            ["practitioner_id"] = Pseudonym(Host, "prac-0002"),
            ["clinic_id"] = "clinic-paris-8",
            ["total_slots"] = "14",
            ["booked_slots"] = "1",
            ["cancelled_slots"] = "0",
            ["utilization_ratio"] = (1.0 / 14).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    [Fact]
    public async Task Cancel_BookedSlot_EmitsCancelledWithNoticeAndFreesTheSlot()
    {
        var (id, _) = await Steps.RegisterAsync();
        var slot = Steps.Slot(days: 2);
        var appointment = await Steps.As(id).PostAsync("/appointments", new { patientId = id, practitionerId = "prac-0001", kind = "consultation", startsAt = slot }, HttpStatusCode.Created);
        Host.Time.Advance(TimeSpan.FromHours(5));

        await (await Steps.StaffAsync()).PostAsync($"/appointments/{appointment.Text("id")}/cancellation", new { cancelledBy = "practitioner", reason = "practitioner_unavailable" }, HttpStatusCode.OK);
        await (await Steps.StaffAsync()).PostAsync($"/appointments/{appointment.Text("id")}/cancellation", new { cancelledBy = "patient", reason = "other" }, HttpStatusCode.Conflict);

        Single(Host, "appointment_cancelled", new Dictionary<string, string>
        {
            ["appointment_id"] = Pseudonym(Host, appointment.Text("id")),
            ["cancelled_by"] = "practitioner",
            ["reason"] = "practitioner_unavailable",
            ["notice_ms"] = Milliseconds(DateTimeOffset.Parse(slot, System.Globalization.CultureInfo.InvariantCulture) - ApiHost.Start - TimeSpan.FromHours(5)),
        });
        var utilization = Host.Events.GetEvents("appointment_slot_utilization")[^1];
        Assert.Equal(("0", "1"), (utilization.Properties["booked_slots"], utilization.Properties["cancelled_slots"]));
        await Steps.As(id).PostAsync("/appointments", new { patientId = id, practitionerId = "prac-0001", kind = "consultation", startsAt = slot }, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Book_SlotTakenByARacingBooking_IsAConflictForAllButOne()
    {
        var slot = Steps.Slot(days: 3, index: 4);
        var patients = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            patients.Add((await Steps.RegisterAsync()).Id);
        }

        var answers = await Task.WhenAll(patients.Select(async p =>
        {
            using var response = await Steps.As(p).PostAsJsonAsync("/appointments", new { patientId = p, practitionerId = "prac-0003", kind = "consultation", startsAt = slot });
            return response.StatusCode;
        }));

        Assert.Equal(1, answers.Count(static s => s == HttpStatusCode.Created));
        Assert.Equal(3, answers.Count(static s => s == HttpStatusCode.Conflict));
        Assert.Single(Host.Events.GetEvents("appointment_booked"));
    }

    [Fact]
    public async Task Book_ProcedureDuringReflectionPeriod_IsAConflict_ThenAllowedOnceItEnds()
    {
        var id = await Steps.InReflectionPeriodAsync();

        await Steps.As(id).PostAsync("/appointments", new { patientId = id, practitionerId = "prac-0001", kind = "procedure", startsAt = Steps.Slot(days: 3) }, HttpStatusCode.Conflict);
        Host.Time.Advance(TimeSpan.FromDays(15));
        Assert.Equal(1, await Steps.RunJobAsync("check-reflection-period"));
        await Steps.As(id).PostAsync("/appointments", new { patientId = id, practitionerId = "prac-0001", kind = "procedure", startsAt = Steps.Slot(days: 3) }, HttpStatusCode.Created);

        Assert.Equal("ready_for_procedure>appointment_booked:patient_action", Transitions(Host, id)[^1]);
    }

    [Theory]
    [InlineData("2026-12-05T09:00:00+01:00", "startsAt")]
    [InlineData("2026-12-02T09:10:00+01:00", "startsAt")]
    [InlineData("2026-12-02T13:00:00+01:00", "startsAt")]
    [InlineData("2026-11-30T09:00:00+01:00", "startsAt")]
    public async Task Book_NotASlot_IsAValidationProblem(string startsAt, string field)
    {
        var (id, _) = await Steps.RegisterAsync();

        var problem = await Steps.As(id).PostAsync("/appointments", new { patientId = id, practitionerId = "prac-0001", kind = "consultation", startsAt }, HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty(Host.Events.GetEvents("appointment_booked"));
    }

    [Fact]
    public async Task Utilization_ReadsTheDayWithoutEmitting()
    {
        var (id, _) = await Steps.RegisterAsync();
        var slot = Steps.Slot(days: 1);
        await Steps.As(id).PostAsync("/appointments", new { patientId = id, practitionerId = "prac-0001", kind = "consultation", startsAt = slot }, HttpStatusCode.Created);
        var staff = await Steps.StaffAsync();
        var before = Host.Events.Events.Count;

        var utilization = await staff.GetAsync($"/practitioners/prac-0001/utilization?day={slot[..10]}", HttpStatusCode.OK);

        Assert.Equal((14, 1), (utilization.GetProperty("totalSlots").GetInt32(), utilization.GetProperty("bookedSlots").GetInt32()));
        Assert.Equal(before, Host.Events.Events.Count);
    }
}
