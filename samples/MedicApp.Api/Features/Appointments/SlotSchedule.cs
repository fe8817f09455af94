namespace MedicApp.Api.Features.Appointments;

/// <summary>
/// The practitioners' slots: 30 minutes, Monday to Friday, 09:00-12:00 and 14:00-18:00 in Paris time. The practitioners
/// are seeded with the schema; a real deployment reads both from its scheduling system.
/// </summary>
internal static class SlotSchedule
{
    public static readonly TimeSpan SlotLength = TimeSpan.FromMinutes(30);

    public static readonly TimeZoneInfo ClinicTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The first and last days the schedule answers for: far from the calendar's ends, where time zones overflow.</summary>
    public static readonly (DateOnly First, DateOnly Last) Days = (new(2000, 1, 1), new(2099, 12, 31));

    public static readonly Practitioner[] Practitioners =
    [
        new() { Id = "prac-0001", ClinicId = "clinic-paris-8", Speciality = "plastic_surgery" },
        new() { Id = "prac-0002", ClinicId = "clinic-paris-8", Speciality = "anaesthesia" },
        new() { Id = "prac-0003", ClinicId = "clinic-lyon-2", Speciality = "plastic_surgery" },
    ];

    private static readonly (TimeSpan From, TimeSpan To)[] s_openings = [(TimeSpan.FromHours(9), TimeSpan.FromHours(12)), (TimeSpan.FromHours(14), TimeSpan.FromHours(18))];

    /// <summary>The slots of a day, as local start times.</summary>
    public static IEnumerable<DateTime> SlotsOf(DateOnly day)
    {
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            yield break;
        }

        foreach (var (from, to) in s_openings)
        {
            for (var start = from; start + SlotLength <= to; start += SlotLength)
            {
                yield return day.ToDateTime(TimeOnly.FromTimeSpan(start));
            }
        }
    }

    /// <summary>Whether <paramref name="startsAt"/> is the start of a slot.</summary>
    public static bool IsSlot(DateTimeOffset startsAt)
    {
        var local = TimeZoneInfo.ConvertTime(startsAt, ClinicTimeZone);
        return SlotsOf(DateOnly.FromDateTime(local.DateTime)).Contains(local.DateTime);
    }

    /// <summary>The clinic's day that <paramref name="instant"/> falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, ClinicTimeZone).DateTime);

    /// <summary>Midnight of <paramref name="day"/> in the clinic's time zone, and the next midnight, as instants.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Bounds(DateOnly day)
        => (Midnight(day), Midnight(day.AddDays(1)));

    private static DateTimeOffset Midnight(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, ClinicTimeZone.GetUtcOffset(local));
    }
}
