namespace MedicApp.Api.Features.Journey;

/// <summary>The delays of the journey: the legal reflection period, and the inactivity after which a journey is abandoned.</summary>
internal sealed class JourneyOptions
{
    public const string SectionName = "Journey";

    /// <summary>Gets or sets the reflection period that starts once every document is signed. Default: 15 days (CSP L6322-2).</summary>
    public TimeSpan ReflectionPeriod { get; set; } = TimeSpan.FromDays(15);

    /// <summary>Gets or sets the inactivity after which the job reports a journey abandoned. Default: 30 days.</summary>
    public TimeSpan AbandonAfter { get; set; } = TimeSpan.FromDays(30);
}
