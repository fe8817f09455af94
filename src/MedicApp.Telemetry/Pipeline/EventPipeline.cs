using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MedicApp.Telemetry.CompilerServices;
using Microsoft.Extensions.Options;

namespace MedicApp.Telemetry;

/// <summary>
/// Runs every tracked event through the same steps: stamp it (time, <c>event_id</c>, schema version, area), write
/// its properties through their privacy policy and value checks, and hand it to each sink. It never throws into the
/// caller (but in strict mode, for a rejected value) and never blocks: failures are caught, counted and reported
/// through <see cref="TelemetryHealth"/>.
/// </summary>
public sealed class EventPipeline
{
    private readonly IEventSink[] _sinks;
    private readonly PropertyPolicy _policy;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the pipeline. <c>AddMedicAppTelemetry()</c> registers it.</summary>
    /// <param name="sinks">Where events go.</param>
    /// <param name="pseudonymizer">Makes the pseudonyms of identifiers.</param>
    /// <param name="scrubber">Scrubs free text.</param>
    /// <param name="health">Counts and reports problems.</param>
    /// <param name="options">The telemetry options.</param>
    /// <param name="timeProvider">The clock that stamps events.</param>
    internal EventPipeline(
        IEnumerable<IEventSink> sinks,
        Pseudonymizer pseudonymizer,
        ITextScrubber scrubber,
        TelemetryHealth health,
        IOptions<MedicAppTelemetryOptions> options,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        ArgumentNullException.ThrowIfNull(scrubber);
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _sinks = sinks.ToArray();
        _policy = new PropertyPolicy(pseudonymizer, scrubber, health, settings.StrictMode ?? false);
        _timeProvider = timeProvider ?? TimeProvider.System;
        IsEnabled = settings.Enabled && _sinks.Length > 0;
        Health = health;
    }

    /// <summary>Gets whether events are tracked at all: telemetry enabled and at least one sink.</summary>
    public bool IsEnabled { get; }

    /// <summary>Gets the sinks events go to.</summary>
    public IReadOnlyList<IEventSink> Sinks => _sinks;

    /// <summary>Gets the counts and reports of what went wrong.</summary>
    public TelemetryHealth Health { get; }

    /// <summary>Tracks one event. For generated tracking methods only.</summary>
    /// <typeparam name="TEvent">The generated payload type.</typeparam>
    /// <param name="telemetryEvent">The payload.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public void Track<TEvent>(in TEvent telemetryEvent)
        where TEvent : struct, ITelemetryEvent
    {
        var record = EventRecord.Rent();
        try
        {
            record.Begin(TEvent.Definition, _timeProvider.GetUtcNow(), EventIds.Next());
            var writer = new EventPropertyWriter(record, _policy);
            telemetryEvent.WriteProperties(ref writer);
            record.Complete();
            Dispatch(record);
        }
        catch (TelemetryValueException) when (_policy.Strict)
        {
            throw;
        }
        catch (Exception exception)
        {
            Health.TrackingFailed(TEvent.Definition.Name, exception);
        }
        finally
        {
            record.Return();
        }
    }

    /// <summary>Flushes every sink: waits until what was tracked so far is written or sent.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when every sink has flushed.</returns>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        foreach (var sink in _sinks)
        {
            try
            {
                await sink.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception)
            {
                Health.SinkFailed(sink.Name, "flush", exception);
            }
        }
    }

    private void Dispatch(EventRecord record)
    {
        Health.Tracked();
        if (EventCapture.Current is { } capture)
        {
            try
            {
                capture.Capture(record);
                return;
            }
            catch (Exception exception)
            {
                // Sent now rather than lost: without the outbox's guarantee, but not silently.
                Health.SinkFailed(OutboxDelivery.SinkName, record.Name, exception);
            }
        }

        foreach (var sink in _sinks)
        {
            try
            {
                sink.Emit(record);
            }
            catch (Exception exception)
            {
                Health.SinkFailed(sink.Name, record.Name, exception);
            }
        }
    }
}
