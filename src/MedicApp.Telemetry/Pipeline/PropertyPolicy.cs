namespace MedicApp.Telemetry;

/// <summary>What the property writer needs to apply the privacy policy and the value checks.</summary>
internal sealed class PropertyPolicy(Pseudonymizer pseudonymizer, ITextScrubber scrubber, TelemetryHealth health, bool strict)
{
    public Pseudonymizer Pseudonymizer { get; } = pseudonymizer;

    public ITextScrubber Scrubber { get; } = scrubber;

    public TelemetryHealth Health { get; } = health;

    public bool Strict { get; } = strict;
}
