namespace MedicApp.Telemetry;

/// <summary>What the property writer needs to apply the privacy policy and the value checks.</summary>
internal sealed class PropertyPolicy(Pseudonymizer pseudonymizer, ITextScrubber scrubber, TelemetryHealth health, bool strict)
{
    public Pseudonymizer Pseudonymizer { get; } = pseudonymizer;

    public ITextScrubber Scrubber { get; } = scrubber;

    /// <summary>
    /// What looks for personal data in not-personal strings: the registered scrubber, but for
    /// <see cref="RedactingTextScrubber"/>, which finds nothing and redacts everything, <see cref="PiiScrubber.Default"/>.
    /// </summary>
    public ITextScrubber Detector { get; } = scrubber is RedactingTextScrubber ? PiiScrubber.Default : scrubber;

    public TelemetryHealth Health { get; } = health;

    public bool Strict { get; } = strict;
}
