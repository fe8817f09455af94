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
}
