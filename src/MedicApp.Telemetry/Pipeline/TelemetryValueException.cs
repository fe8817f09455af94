using System;

namespace MedicApp.Telemetry;

/// <summary>
/// Thrown by tracking methods in strict mode only (<see cref="MedicAppTelemetryOptions.StrictMode"/>, meant for
/// tests) when a value would have been changed on its way out. Outside strict mode tracking never throws.
/// </summary>
public sealed class TelemetryValueException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TelemetryValueException()
        : this("A telemetry value was rejected.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was rejected.</param>
    public TelemetryValueException(string message)
        : base(message)
    {
        EventName = string.Empty;
        PropertyName = string.Empty;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What was rejected.</param>
    /// <param name="innerException">The cause.</param>
    public TelemetryValueException(string message, Exception innerException)
        : base(message, innerException)
    {
        EventName = string.Empty;
        PropertyName = string.Empty;
    }

    internal TelemetryValueException(string eventName, string propertyName, ValueIssue issue)
        : base($"Property '{propertyName}' of event '{eventName}' was rejected in strict mode: {Describe(issue)}.")
    {
        EventName = eventName;
        PropertyName = propertyName;
        Issue = issue;
    }

    /// <summary>Gets the event whose property was rejected.</summary>
    public string EventName { get; }

    /// <summary>Gets the rejected property.</summary>
    public string PropertyName { get; }

    /// <summary>Gets what was wrong with the value.</summary>
    public ValueIssue Issue { get; }

    private static string Describe(ValueIssue issue) => issue switch
    {
        ValueIssue.Truncated => $"the text is longer than {TelemetryLimits.MaxPropertyValueLength} characters",
        ValueIssue.NotFinite => "the number is NaN or infinite",
        ValueIssue.OutsideShape => "the not-personal text does not fit the shape its declaration gives (allowed values, pattern or maximum length)",
        ValueIssue.LooksPersonal => "the not-personal text holds what the text scrubber finds personal (an email, a phone number…)",
        _ => "the enum value has no named member",
    };
}
