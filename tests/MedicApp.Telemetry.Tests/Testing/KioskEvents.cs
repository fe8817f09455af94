using System;

namespace MedicApp.Telemetry.Tests.Testing;

/// <summary>How a visitor uses the kiosk at the clinic's entrance.</summary>
public enum KioskLanguage
{
    /// <summary>French.</summary>
    French,

    /// <summary>English.</summary>
    English,

    /// <summary>Arabic.</summary>
    Arabic,
}

/// <summary>A team's catalogue whose contract the tests change, one way at a time, against a baseline.</summary>
public sealed partial class KioskEvents
{
    [TelemetryEvent("kiosk_opened", Area = "kiosk", Description = "A visitor opened the kiosk.", Version = 2)]
    public partial void KioskOpened(
        [Pseudonymized("The visitor, pseudonymized.")] Guid visitorId,
        [NotPersonal("The language chosen.")] KioskLanguage language,
        [NotPersonal("Screens seen.")] int screenCount,
        [NotPersonal("The campaign that brought the visitor, if any.", Pattern = "^[a-z0-9_]{1,32}$")] string? campaign = null);

    [TelemetryEvent("badge_scanned", Area = "kiosk", Description = "A visitor scanned a badge.")]
    public partial void BadgeScanned([NotPersonal("Whether the badge was accepted.")] bool accepted);
}
