using System;

namespace MedicApp.Telemetry;

/// <summary>
/// Options of MedicApp.Telemetry, bound from the <c>MedicAppTelemetry</c> configuration section.
/// Events go to Application Insights when a connection string is set, to the local sink otherwise.
/// </summary>
public sealed class MedicAppTelemetryOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "MedicAppTelemetry";

    /// <summary>Gets or sets whether events are tracked at all. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets whether a value the pipeline would change (truncate, drop, mark) throws a
    /// <see cref="TelemetryValueException"/> instead. Meant for tests. Null, the default, means off, and then tracking
    /// never throws; MedicApp.Telemetry.Testing's <c>UseInMemorySink()</c> turns a null into on. A value set in code or
    /// configuration always wins.
    /// </summary>
    public bool? StrictMode { get; set; }

    /// <summary>Gets the Application Insights sink options.</summary>
    public ApplicationInsightsSinkOptions ApplicationInsights { get; } = new();

    /// <summary>Gets the local sink options, used when no Application Insights connection string is set.</summary>
    public LocalSinkOptions Local { get; } = new();

    /// <summary>Gets the options of the outbox dispatcher, used once an outbox is registered.</summary>
    public OutboxOptions Outbox { get; } = new();

    /// <summary>Gets the pseudonymization options.</summary>
    public PseudonymizationOptions Pseudonymization { get; } = new();

    /// <summary>The sink that replaces Application Insights and the local sink, set by <c>UseSink&lt;T&gt;()</c>.</summary>
    internal Type? DefaultSinkReplacement { get; set; }
}
