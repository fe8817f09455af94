using MedicApp.Api.Data;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;
using Microsoft.EntityFrameworkCore;

namespace MedicApp.Api.Features.Appointments;

/// <summary>Measures a practitioner's day, and reports it each time a booking or a cancellation changes it.</summary>
internal static class SlotUtilizationReport
{
    public static async Task<SlotUtilization> MeasureAsync(MedicAppDbContext db, Practitioner practitioner, DateOnly day, CancellationToken cancellationToken)
    {
        var (start, end) = SlotSchedule.Bounds(day);
        var (from, to) = (start.ToUniversalTime(), end.ToUniversalTime());
        var cancelledAt = await db.Appointments.AsNoTracking()
            .Where(a => a.PractitionerId == practitioner.Id && a.StartsAt >= from && a.StartsAt < to)
            .Select(static a => a.CancelledAt)
            .ToListAsync(cancellationToken);
        var total = SlotSchedule.SlotsOf(day).Count();
        var booked = cancelledAt.Count(static c => c is null);
        return new SlotUtilization(practitioner.Id, practitioner.ClinicId, start, total, booked, cancelledAt.Count - booked, total == 0 ? 0 : (double)booked / total);
    }

    /// <summary>
    /// Tracks the day as it stands once a booking or a cancellation has committed. A measure, not a change: it is sent
    /// directly, outside the outbox (a crash before it is sent loses it, and the day's next change measures it again).
    /// </summary>
    public static async Task TrackAsync(MedicAppDbContext db, EventTracker tracker, Practitioner practitioner, DateOnly day, CancellationToken cancellationToken)
    {
        var u = await MeasureAsync(db, practitioner, day, cancellationToken);
        tracker.AppointmentSlotUtilization(u.PractitionerId, u.ClinicId, u.Day, u.TotalSlots, u.BookedSlots, u.CancelledSlots, u.UtilizationRatio);
    }
}
