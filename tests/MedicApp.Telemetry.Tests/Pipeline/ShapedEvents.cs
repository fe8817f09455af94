namespace MedicApp.Telemetry.Tests.Pipeline;

/// <summary>A catalogue whose not-personal strings declare each kind of shape.</summary>
public sealed partial class ShapedEvents
{
    [TelemetryEvent("screen_opened", Area = "TST-2", Description = "A screen was opened.")]
    public partial void ScreenOpened(
        [NotPersonal("The interface language.", AllowedValues = new[] { "fr-FR", "en-GB" })] string? locale,
        [NotPersonal("The screen's reference.", Pattern = "^scr-[0-9]{1,4}$")] string screen,
        [NotPersonal("The build label.", MaxLength = 32, Reason = "Build labels are written by the release pipeline, not by people.")] string build);
}
