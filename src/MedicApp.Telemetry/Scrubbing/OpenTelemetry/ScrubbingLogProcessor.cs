using System;
using System.Collections.Generic;
using OpenTelemetry;
using OpenTelemetry.Logs;

namespace MedicApp.Telemetry;

/// <summary>
/// Scrubs every log record before it is exported: its formatted message, body, attributes (the message template and
/// its fields) and exception, whose messages are replaced in a copy of the same type, inner exceptions included.
/// Custom events written with <c>TelemetryClient.TrackEvent</c> are log records too. <c>AddMedicAppTelemetry()</c>
/// adds it to the application's OpenTelemetry logger provider, where it runs before the Application Insights exporter.
/// </summary>
public sealed class ScrubbingLogProcessor : BaseProcessor<LogRecord>
{
    private readonly ITextScrubber _scrubber;

    /// <summary>Creates a processor that scrubs with <paramref name="scrubber"/>.</summary>
    /// <param name="scrubber">The scrubber: the one registered for events, <see cref="PiiScrubber.Default"/> unless <c>UseTextScrubber&lt;T&gt;()</c> chose another.</param>
    public ScrubbingLogProcessor(ITextScrubber scrubber)
    {
        ArgumentNullException.ThrowIfNull(scrubber);
        _scrubber = PercentDecodingScrubber.Wrap(scrubber);
    }

    /// <inheritdoc/>
    public override void OnEnd(LogRecord data)
    {
        try
        {
            Scrub(data);
        }
        catch (Exception)
        {
            // Tracking never throws into the application; what could not be scrubbed is not exported.
            data.FormattedMessage = null;
            data.Body = "[unscrubbed]";
            data.Attributes = [];
            data.Exception = data.Exception is null ? null : new ScrubbedException(data.Exception.GetType(), "[unscrubbed]");
        }
    }

    private void Scrub(LogRecord record)
    {
        if (record.FormattedMessage is { } message)
        {
            record.FormattedMessage = _scrubber.Scrub(message);
        }

        // The body is the message template, which the attributes hold too as {OriginalFormat}: it is read once.
        var body = record.Body;
        var scrubbedBody = body is null ? null : _scrubber.Scrub(body);
        record.Body = scrubbedBody;

        if (record.Attributes is { Count: > 0 } attributes)
        {
            record.Attributes = ScrubAttributes(attributes, body, scrubbedBody);
        }

        if (record.Exception is { } exception)
        {
            record.Exception = ExceptionScrubbing.Scrub(_scrubber, exception);
        }
    }

    // The list is replaced, never changed: it can be the logger's own state.
    private IReadOnlyList<KeyValuePair<string, object?>> ScrubAttributes(IReadOnlyList<KeyValuePair<string, object?>> attributes, string? body, string? scrubbedBody)
    {
        KeyValuePair<string, object?>[]? copy = null;
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            var scrubbed = attribute.Value is string text && ReferenceEquals(text, body)
                ? (ReferenceEquals(scrubbedBody, body) ? null : scrubbedBody)
                : AttributeValueScrubbing.Scrub(_scrubber, attribute.Value);
            if (scrubbed is not null)
            {
                if (copy is null)
                {
                    copy = new KeyValuePair<string, object?>[attributes.Count];
                    for (var j = 0; j < i; j++)
                    {
                        copy[j] = attributes[j];
                    }
                }

                copy[i] = new(attribute.Key, scrubbed);
            }
            else if (copy is not null)
            {
                copy[i] = attribute;
            }
        }

        return copy ?? attributes;
    }
}
