namespace MedicApp.Telemetry;

/// <summary>Options of the local sink (section <c>MedicAppTelemetry:Local</c>).</summary>
public sealed class LocalSinkOptions
{
    /// <summary>Gets or sets whether the local sink runs when no connection string is set. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets whether each event is printed as one readable line on the console. Default: true.</summary>
    public bool Console { get; set; } = true;

    /// <summary>
    /// Gets or sets the file that receives one JSON object per event (JSON lines), appended; none when empty.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>
    /// Gets or sets how many events may wait to be written before new ones are dropped (and reported).
    /// Default: 10000.
    /// </summary>
    public int QueueCapacity { get; set; } = 10_000;
}
