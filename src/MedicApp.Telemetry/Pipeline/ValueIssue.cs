namespace MedicApp.Telemetry;

/// <summary>Why the pipeline changed a value on its way out; listed in the event's <c>event_warnings</c>.</summary>
public enum ValueIssue
{
    /// <summary>A string was longer than Application Insights keeps and was cut to <see cref="TelemetryLimits.MaxPropertyValueLength"/>.</summary>
    Truncated,

    /// <summary>A number was NaN or infinite and was not sent.</summary>
    NotFinite,

    /// <summary>An enum value had no named member; its number was sent instead of a name.</summary>
    UndefinedEnum,

    /// <summary>
    /// A not-personal string did not fit the shape its declaration gives (allowed values, pattern or maximum length):
    /// <see cref="TelemetryLimits.WithheldValue"/> was sent instead.
    /// </summary>
    OutsideShape,

    /// <summary>
    /// The registered <see cref="ITextScrubber"/> found personal data (an email, a phone number…) in a not-personal string:
    /// <see cref="TelemetryLimits.WithheldValue"/> was sent instead.
    /// </summary>
    LooksPersonal,
}
