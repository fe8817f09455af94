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
public sealed class ScrubbingActivityProcessor : BaseProcessor<Activity>
{
    private readonly PiiScrubber _scrubber;

    /// <summary>Creates a processor that scrubs with <paramref name="scrubber"/>.</summary>
    /// <param name="scrubber">The scrubber; usually <see cref="PiiScrubber.Default"/>.</param>
    public ScrubbingActivityProcessor(PiiScrubber scrubber)
    {
        ArgumentNullException.ThrowIfNull(scrubber);
        _scrubber = scrubber;
    }

    /// <inheritdoc/>
    public override void OnEnd(Activity data)
    {
        try
        {
            Scrub(data);
        }
        catch (Exception)
        {
            // Tracking never throws into the application, and a span that could not be scrubbed is not exported.
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }

    private void Scrub(Activity activity)
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

            for (var i = 0; i < changed?.Count; i++)
            {
                EventTags.Set(activityEvent.Tags, changed[i]);
            }
        }
    }

    private void Collect(in KeyValuePair<string, object?> tag, ref List<KeyValuePair<string, object?>>? changed)
    {
        if (AttributeValueScrubbing.Scrub(_scrubber, tag.Value) is { } scrubbed)
        {
            (changed ??= []).Add(new(tag.Key, scrubbed));
        }
    }
}
