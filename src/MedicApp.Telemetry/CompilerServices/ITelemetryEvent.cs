using System.ComponentModel;

namespace MedicApp.Telemetry.CompilerServices;

/// <summary>
/// The typed payload of one event. The generator implements it as a private readonly struct per event, so the
/// pipeline writes properties without reflection, boxing or dictionaries. For generated code only.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ITelemetryEvent
{
    /// <summary>Gets the definition of the event in its catalogue.</summary>
    static abstract EventDefinition Definition { get; }

    /// <summary>Writes every property through the privacy policy of its classification.</summary>
    /// <param name="writer">The writer of the event being tracked.</param>
    void WriteProperties(ref EventPropertyWriter writer);
}
