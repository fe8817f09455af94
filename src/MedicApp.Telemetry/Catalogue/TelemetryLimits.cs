using System.Collections.Generic;

namespace MedicApp.Telemetry;

/// <summary>The limits every event respects, checked at compile time by the generator and at run time by the pipeline.</summary>
/// <remarks>
/// The key and value lengths are those of the Application Insights data model for custom properties ("Max key length:
/// 150, Max value length: 8192", https://learn.microsoft.com/azure/azure-monitor/app/data-model-complete). The count
/// of properties is a budget of this SDK, not a documented service limit; the Azure Monitor exporter adds no property
/// of its own to the events (the sink logs them without a logger category, which it would add as <c>CategoryName</c>).
/// </remarks>
public static class TelemetryLimits
{
    /// <summary>The longest event name; Application Insights accepts 512, dashboards read better with short names.</summary>
    public const int MaxEventNameLength = 64;

    /// <summary>The longest property key Application Insights keeps.</summary>
    public const int MaxPropertyNameLength = 150;

    /// <summary>The longest property value Application Insights keeps; longer strings are truncated and marked.</summary>
    public const int MaxPropertyValueLength = 8192;

    /// <summary>
    /// The most properties an event may carry, those this SDK adds included: keeps <c>customDimensions</c> readable in
    /// queries and dashboards.
    /// </summary>
    public const int MaxPropertiesPerEvent = 100;

    /// <summary>
    /// The longest area an event may declare. An area is sent with every event as <see cref="AreaProperty"/> and
    /// printed on console lines: it is a short label, not a sentence.
    /// </summary>
    public const int MaxAreaLength = 64;

    /// <summary>The unique id of each event, so queries can remove retried duplicates.</summary>
    public const string EventIdProperty = "event_id";

    /// <summary>The schema version of the event.</summary>
    public const string SchemaVersionProperty = "schema_version";

    /// <summary>The area of the event, such as <c>LOG-11</c> or <c>checkout</c>.</summary>
    public const string AreaProperty = "event_area";

    /// <summary>Present only when a value was changed on the way: <c>property:issue</c> pairs, comma separated.</summary>
    public const string WarningsProperty = "event_warnings";

    /// <summary>
    /// What is sent instead of a not-personal string that is outside its declared shape or looks personal: the value
    /// itself never leaves, and <see cref="WarningsProperty"/> says why.
    /// </summary>
    public const string WithheldValue = "[withheld]";

    /// <summary>Gets the properties MedicApp.Telemetry adds to every event; a catalogue may not declare them.</summary>
    public static IReadOnlyList<string> ReservedPropertyNames { get; } =
        [EventIdProperty, SchemaVersionProperty, AreaProperty, WarningsProperty];
}
