namespace MedicApp.Telemetry;

/// <summary>
/// Options of MedicApp.Telemetry, bound from the <c>MedicAppTelemetry</c> configuration section.
/// Events go to Application Insights when a connection string is set, to the local sink otherwise.
/// </summary>
public sealed class MedicAppTelemetryOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "MedicAppTelemetry";

    private bool? _strictMode;

    /// <summary>Gets or sets whether events are tracked at all. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Gets or sets whether a value the pipeline would change (truncate, drop, mark) throws a
    /// <see cref="TelemetryValueException"/> instead. Meant for tests: off by default, and then tracking never throws;
    /// on by default with <c>UseInMemorySink()</c>. A value set explicitly, in code or configuration, always wins.
    /// </summary>
    public bool StrictMode
    {
        get => _strictMode ?? UseInMemorySink;
        set => _strictMode = value;
    }

    /// <summary>Gets the Application Insights sink options.</summary>
    public ApplicationInsightsSinkOptions ApplicationInsights { get; } = new();

    /// <summary>Gets the local sink options, used when no Application Insights connection string is set.</summary>
    public LocalSinkOptions Local { get; } = new();

    /// <summary>Gets the pseudonymization options.</summary>
    public PseudonymizationOptions Pseudonymization { get; } = new();

    internal bool UseInMemorySink { get; set; }
}
