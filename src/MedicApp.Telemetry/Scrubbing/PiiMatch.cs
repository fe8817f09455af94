namespace MedicApp.Telemetry;

/// <summary>A personal value found in a text.</summary>
/// <param name="Start">The index of its first character.</param>
/// <param name="Length">Its length.</param>
/// <param name="Kind">What it is.</param>
public readonly record struct PiiMatch(int Start, int Length, PiiKind Kind)
{
    /// <summary>Gets the index just past the value.</summary>
    public int End => Start + Length;

    /// <summary>Gets the placeholder that replaces the value.</summary>
    public string Placeholder => PiiScrubber.PlaceholderOf(Kind);
}
