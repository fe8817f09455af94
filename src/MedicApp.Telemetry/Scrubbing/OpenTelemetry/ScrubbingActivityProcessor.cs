using System;
using System.Collections.Generic;
using System.Diagnostics;
using OpenTelemetry;

namespace MedicApp.Telemetry;

/// <summary>
/// Scrubs every span before it is exported: its name, status description, tags (<c>url.full</c>, <c>url.path</c>,
/// <c>url.query</c>, <c>http.target</c>, <c>db.query.text</c>, <c>db.statement</c>, and all the others) and the tags
/// of its events (<c>exception.message</c>, <c>exception.stacktrace</c>). <c>AddMedicAppTelemetry()</c> adds it to the
/// application's OpenTelemetry tracer provider, where it runs before the Application Insights exporter.
/// </summary>
/// <remarks>
/// An exception recorded with <c>Activity.AddException</c> is scrubbed as it is recorded: the runtime keeps the tags
/// of that event in a list of its own, which no public API changes afterwards, and asks every
/// <see cref="ActivityListener.ExceptionRecorder"/> for them first. The processor listens so from its creation to its
/// disposal. A span with an event that still holds a personal value it cannot change is not exported.
/// </remarks>
public sealed class ScrubbingActivityProcessor : BaseProcessor<Activity>
{
    private const string ExceptionTypeTag = "exception.type";
    private const string ExceptionMessageTag = "exception.message";
    private const string ExceptionStackTraceTag = "exception.stacktrace";

    private readonly ITextScrubber _scrubber;
    private readonly ActivityListener _exceptionListener;

    /// <summary>Creates a processor that scrubs with <paramref name="scrubber"/>.</summary>
    /// <param name="scrubber">The scrubber: the one registered for events, <see cref="PiiScrubber.Default"/> unless <c>UseTextScrubber&lt;T&gt;()</c> chose another.</param>
    public ScrubbingActivityProcessor(ITextScrubber scrubber)
    {
        ArgumentNullException.ThrowIfNull(scrubber);
        _scrubber = PercentDecodingScrubber.Wrap(scrubber);

        // Samples nothing: the application's tracer provider alone decides which spans exist.
        _exceptionListener = new ActivityListener
        {
            ShouldListenTo = static _ => true,
            ExceptionRecorder = ScrubRecordedException,
        };
        ActivitySource.AddActivityListener(_exceptionListener);
    }

    /// <inheritdoc/>
    public override void OnEnd(Activity data)
    {
        try
        {
            if (Scrub(data))
            {
                return;
            }
        }
        catch (Exception)
        {
            // Tracking never throws into the application.
        }

        // A span that could not be scrubbed is not exported.
        data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _exceptionListener.Dispose();
        }

        base.Dispose(disposing);
    }

    // Runs before the runtime adds exception.type, exception.message and exception.stacktrace, which it adds only when
    // missing: added here, scrubbed, they are final, since the runtime's list of these tags cannot be changed later.
    private void ScrubRecordedException(Activity activity, Exception exception, ref TagList tags)
    {
        try
        {
            var hasType = false;
            var hasMessage = false;
            var hasStackTrace = false;
            for (var i = 0; i < tags.Count; i++)
            {
                var tag = tags[i];
                hasType |= tag.Key == ExceptionTypeTag;
                hasMessage |= tag.Key == ExceptionMessageTag;
                hasStackTrace |= tag.Key == ExceptionStackTraceTag;
                if (AttributeValueScrubbing.Scrub(_scrubber, tag.Value) is { } scrubbed)
                {
                    tags[i] = new(tag.Key, scrubbed);
                }
            }

            if (!hasType)
            {
                tags.Add(ExceptionTypeTag, _scrubber.Scrub(exception.GetType().ToString()));
            }

            if (!hasMessage)
            {
                tags.Add(ExceptionMessageTag, _scrubber.Scrub(exception.Message));
            }

            if (!hasStackTrace)
            {
                tags.Add(ExceptionStackTraceTag, _scrubber.Scrub(exception.ToString()));
            }
        }
        catch (Exception)
        {
            // Never into the application: OnEnd finds the personal value and keeps the span from being exported.
        }
    }

    // False when a personal value is left that cannot be changed.
    private bool Scrub(Activity activity)
    {
        if (_scrubber.Scrub(activity.DisplayName) is var name && !ReferenceEquals(name, activity.DisplayName))
        {
            activity.DisplayName = name;
        }

        if (activity.StatusDescription is { } description && _scrubber.Scrub(description) is var status && !ReferenceEquals(status, description))
        {
            activity.SetStatus(activity.Status, status);
        }

        // Tags are changed once read: a linked list cannot be changed while it is enumerated.
        List<KeyValuePair<string, object?>>? changed = null;
        foreach (ref readonly var tag in activity.EnumerateTagObjects())
        {
            Collect(tag, ref changed);
        }

        for (var i = 0; i < changed?.Count; i++)
        {
            activity.SetTag(changed[i].Key, changed[i].Value);
        }

        foreach (ref readonly var activityEvent in activity.EnumerateEvents())
        {
            changed?.Clear();
            foreach (var tag in activityEvent.Tags)
            {
                Collect(tag, ref changed);
            }

            if (changed is not { Count: > 0 })
            {
                continue;
            }

            // An event made with its own tags keeps that collection; an exception event recorded before this processor
            // listened keeps the runtime's list.
            if (activityEvent.Tags is not ActivityTagsCollection tags)
            {
                return false;
            }

            foreach (var (key, value) in changed)
            {
                tags[key] = value;
            }
        }

        return true;
    }

    private void Collect(in KeyValuePair<string, object?> tag, ref List<KeyValuePair<string, object?>>? changed)
    {
        if (AttributeValueScrubbing.Scrub(_scrubber, tag.Value) is { } scrubbed)
        {
            (changed ??= []).Add(new(tag.Key, scrubbed));
        }
    }
}
