using System;

namespace MedicApp.Telemetry.Testing;

/// <summary>
/// Thrown by the assertions of <see cref="InMemoryEventSink"/> and <see cref="RecordedEvent"/> when the events tracked
/// are not the ones expected. Every test framework reports it as a failed test, with its message.
/// </summary>
public sealed class TelemetryAssertException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TelemetryAssertException()
    {
    }

    /// <summary>Creates the exception with a message that says what was expected and what was tracked.</summary>
    /// <param name="message">The message.</param>
    public TelemetryAssertException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TelemetryAssertException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
