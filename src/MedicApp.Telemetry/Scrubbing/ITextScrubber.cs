namespace MedicApp.Telemetry;

/// <summary>
/// Removes personal values from free text before it leaves the process. The pipeline runs every
/// <see cref="DataClassification.FreeText"/> property through the registered scrubber, and so do the processors of
/// requests, dependencies, logs and exceptions; register your own with <c>AddMedicAppTelemetry().UseTextScrubber&lt;T&gt;()</c>.
/// </summary>
public interface ITextScrubber
{
    /// <summary>
    /// Returns <paramref name="text"/> with every personal value replaced. Scrubbing a scrubbed text again must return it
    /// as it is: the telemetry processors may see one text twice.
    /// </summary>
    /// <param name="text">The text to scrub.</param>
    /// <returns>The scrubbed text; the same instance when nothing was found.</returns>
    string Scrub(string text);
}
