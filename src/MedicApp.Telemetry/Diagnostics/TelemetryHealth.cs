using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedicApp.Telemetry;

/// <summary>
/// Counts what went wrong on the way out and reports it, so that no event is lost silently: through the
/// <c>MedicApp.Telemetry</c> meter (observable counters) and through logs, at most one log line per problem and
/// sink every <see cref="ReportInterval"/>, carrying how many occurrences it stands for. Occurrences that follow a
/// log line are logged together when the interval ends, and those still waiting when the tracker is disposed are
/// logged then: none is left out of the logs. The same meter publishes, per sink, the backlog of events not
/// delivered yet (gauges <c>medicapp.telemetry.backlog.pending</c>, <c>.stored</c> and <c>.oldest_age</c>).
/// </summary>
public sealed class TelemetryHealth : IDisposable
{
    /// <summary>The name of the meter that publishes the counters.</summary>
    public const string MeterName = "MedicApp.Telemetry";

    /// <summary>The shortest time between two log lines about the same problem.</summary>
    public static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(10);

    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly Meter _meter;
    private readonly ConcurrentDictionary<string, ReportWindow> _windows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Backlog, byte> _backlogs = new();
    private volatile bool _disposed;
    private long _tracked;
    private long _failed;
    private long _sinkFailures;
    private long _dropped;
    private long _deferred;
    private long _valuesChanged;
    private long _valuesWithheld;

    /// <summary>Creates the health tracker.</summary>
    /// <param name="logger">Where problems are reported.</param>
    /// <param name="timeProvider">The clock that spaces reports.</param>
    /// <param name="meterFactory">Creates the meter; a standalone meter is used when null.</param>
    public TelemetryHealth(ILogger<TelemetryHealth>? logger = null, TimeProvider? timeProvider = null, IMeterFactory? meterFactory = null)
    {
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _meter.CreateObservableCounter("medicapp.telemetry.events.tracked", () => Volatile.Read(ref _tracked), "{event}", "Events handed to the sinks.");
        _meter.CreateObservableCounter("medicapp.telemetry.events.failed", () => Volatile.Read(ref _failed), "{event}", "Events lost because tracking failed.");
        _meter.CreateObservableCounter("medicapp.telemetry.events.dropped", () => Volatile.Read(ref _dropped), "{event}", "Events a sink could not keep.");
        _meter.CreateObservableCounter("medicapp.telemetry.events.deferred", () => Volatile.Read(ref _deferred), "{event}", "Events a sink could not send yet and keeps for a retry.");
        _meter.CreateObservableCounter("medicapp.telemetry.sink.failures", () => Volatile.Read(ref _sinkFailures), "{failure}", "Exceptions thrown by sinks.");
        _meter.CreateObservableCounter("medicapp.telemetry.values.changed", () => Volatile.Read(ref _valuesChanged), "{value}", "Values truncated, dropped or marked.");
        _meter.CreateObservableCounter("medicapp.telemetry.values.withheld", () => Volatile.Read(ref _valuesWithheld), "{value}", "Not-personal strings sent as [withheld]: outside their declared shape, or looking personal.");
        _meter.CreateObservableGauge("medicapp.telemetry.backlog.pending", () => MeasureBacklogs(static r => r.Pending), "{event}", "Events a sink holds in memory that the ingestion endpoint has not answered yet.");
        _meter.CreateObservableGauge("medicapp.telemetry.backlog.stored", () => MeasureBacklogs(static r => r.Stored), "{event}", "Events kept on disk to be sent again.");
        _meter.CreateObservableGauge("medicapp.telemetry.backlog.oldest_age", () => MeasureBacklogs(static r => r.OldestStoredAge.TotalSeconds), "s", "How long the oldest stored event has waited; 0 when none is stored.");
    }

    /// <summary>Returns the counts so far.</summary>
    /// <returns>A snapshot.</returns>
    public TelemetryStatistics GetStatistics()
    {
        long pending = 0, stored = 0;
        var oldest = TimeSpan.Zero;
        foreach (var (_, reading) in ReadBacklogs())
        {
            pending += reading.Pending;
            stored += reading.Stored;
            oldest = reading.OldestStoredAge > oldest ? reading.OldestStoredAge : oldest;
        }

        return new(
            Volatile.Read(ref _tracked),
            Volatile.Read(ref _failed),
            Volatile.Read(ref _sinkFailures),
            Volatile.Read(ref _dropped),
            Volatile.Read(ref _valuesChanged),
            Volatile.Read(ref _deferred))
        {
            ValuesWithheld = Volatile.Read(ref _valuesWithheld),
            BacklogPending = pending,
            BacklogStored = stored,
            OldestStoredAge = oldest,
        };
    }

    /// <summary>Reports events a sink could not keep. Sinks call it instead of dropping silently.</summary>
    /// <param name="sinkName">The sink.</param>
    /// <param name="reason">Why, in a few words (for example <c>queue full</c>).</param>
    /// <param name="count">How many events.</param>
    /// <param name="exception">The error behind it, if any.</param>
    public void ReportDropped(string sinkName, string reason, long count = 1, Exception? exception = null)
    {
        Interlocked.Add(ref _dropped, count);
        Report("dropped:" + sinkName + ":" + reason, count, exception, static (logger, ex, n, state) =>
            logger.LogError(ex, "MedicApp.Telemetry sink '{Sink}' dropped {Count} event(s): {Reason}.", state.Sink, n, state.Reason), (Sink: sinkName, Reason: reason));
    }

    /// <summary>
    /// Reports events a sink could not send yet but keeps for a later attempt (for example in offline storage), so that
    /// a delay is visible before it becomes a loss.
    /// </summary>
    /// <param name="sinkName">The sink.</param>
    /// <param name="reason">Why, in a few words.</param>
    /// <param name="count">How many events.</param>
    public void ReportDeferred(string sinkName, string reason, long count)
    {
        Interlocked.Add(ref _deferred, count);
        Report("deferred:" + sinkName + ":" + reason, count, null, static (logger, _, n, state) =>
            logger.LogWarning("MedicApp.Telemetry sink '{Sink}' could not send {Count} event(s) yet and keeps them for a retry: {Reason}.", state.Sink, n, state.Reason), (Sink: sinkName, Reason: reason));
    }

    /// <summary>Logs the occurrences not logged yet, then disposes the meter.</summary>
    public void Dispose()
    {
        _disposed = true;
        var now = _timeProvider.GetTimestamp();
        foreach (var window in _windows.Values)
        {
            window.LogPending(now);
        }

        _meter.Dispose();
    }

    /// <summary>Gets the clock of the reports, which backlog readers share.</summary>
    internal TimeProvider TimeProvider => _timeProvider;

    internal void Tracked() => Interlocked.Increment(ref _tracked);

    /// <summary>
    /// Publishes the backlog of a sink or durable store on the backlog gauges, tagged with <paramref name="sinkName"/>,
    /// and in <see cref="GetStatistics"/>, until the returned registration is disposed. <paramref name="read"/> runs on
    /// every collection: it must be cheap (cache what it reads from disk) and may throw, which leaves it out of that one.
    /// </summary>
    internal IDisposable AddBacklog(string sinkName, Func<BacklogReading> read)
    {
        var backlog = new Backlog(this, new KeyValuePair<string, object?>("sink", sinkName), read);
        _backlogs.TryAdd(backlog, 0);
        return backlog;
    }

    // The sink keeps running without offline storage: what the endpoint refuses is then dropped and counted.
    internal void StorageUnusable(string sinkName, string folder, Exception exception)
    {
        Interlocked.Increment(ref _sinkFailures);
        Report("storage:" + sinkName, 1, exception, static (logger, ex, _, state) =>
            logger.LogError(ex, "MedicApp.Telemetry sink '{Sink}' cannot use its offline storage folder {Folder}; events the ingestion endpoint does not accept will be dropped.", state.Sink, state.Folder), (Sink: sinkName, Folder: folder));
    }

    internal void ValueChanged() => Interlocked.Increment(ref _valuesChanged);

    // A defect of the calling code (a personal value passed as not personal): logged without the value, which never leaves.
    internal void ValueWithheld(string eventName, string propertyName, ValueIssue issue)
    {
        Interlocked.Increment(ref _valuesWithheld);
        Report("withheld:" + eventName + ":" + propertyName + ":" + issue, 1, null, static (logger, _, n, state) =>
            logger.LogWarning(
                "MedicApp.Telemetry withheld {Count} value(s) of not-personal property '{Property}' of event '{Event}' ({Issue}): sent as [withheld]. Fix the calling code.",
                n, state.Property, state.Event, state.Issue), (Event: eventName, Property: propertyName, Issue: issue));
    }

    internal void SinkFailed(string sinkName, string eventName, Exception exception)
    {
        Interlocked.Increment(ref _sinkFailures);
        Report("sink:" + sinkName, 1, exception, static (logger, ex, n, state) =>
            logger.LogError(ex, "MedicApp.Telemetry sink '{Sink}' failed {Count} time(s), last on event '{Event}'.", state.Sink, n, state.Event), (Sink: sinkName, Event: eventName));
    }

    // A sink that could not be built is replaced (or left out) for the life of the process: one error, counted once.
    internal void SinkUnavailable(string sinkName, string instead, Exception exception)
    {
        Interlocked.Increment(ref _sinkFailures);
        Report("unavailable:" + sinkName, 1, exception, static (logger, ex, _, state) =>
            logger.LogError(ex, "MedicApp.Telemetry sink '{Sink}' could not start; {Instead}.", state.Sink, state.Instead), (Sink: sinkName, Instead: instead));
    }

    internal void TrackingFailed(string eventName, Exception exception)
    {
        Interlocked.Increment(ref _failed);
        Report("tracking:" + eventName, 1, exception, static (logger, ex, n, name) =>
            logger.LogError(ex, "MedicApp.Telemetry could not track {Count} '{Event}' event(s).", n, name), eventName);
    }

    private void Report<TState>(string key, long count, Exception? exception, Action<ILogger, Exception?, long, TState> log, TState state)
    {
        var window = (ReportWindow<TState>)_windows.GetOrAdd(key, static (_, a) => new ReportWindow<TState>(a.Health, a.Log), (Health: this, Log: log));
        var now = _timeProvider.GetTimestamp();
        lock (window)
        {
            window.Add(count, exception, state);
            var elapsed = _timeProvider.GetElapsedTime(window.LastReport, now);
            if (window.LastReport != 0 && elapsed < ReportInterval && !_disposed)
            {
                // Logged when the interval ends, even if nothing else happens by then.
                window.Timer ??= _timeProvider.CreateTimer(
                    static w => ((ReportWindow)w!).LogPending(),
                    window,
                    ReportInterval - elapsed,
                    Timeout.InfiniteTimeSpan);
                return;
            }
        }

        window.LogPending(now);
    }

    private IEnumerable<Measurement<T>> MeasureBacklogs<T>(Func<BacklogReading, T> value)
        where T : struct
    {
        foreach (var (backlog, reading) in ReadBacklogs())
        {
            yield return new Measurement<T>(value(reading), backlog.Tag);
        }
    }

    private List<(Backlog Backlog, BacklogReading Reading)> ReadBacklogs()
    {
        var readings = new List<(Backlog, BacklogReading)>(_backlogs.Count);
        foreach (var backlog in _backlogs.Keys)
        {
            try
            {
                readings.Add((backlog, backlog.Read()));
            }
            catch (Exception)
            {
                // A reader that fails must not fail the collection, nor the other readers.
            }
        }

        return readings;
    }

    /// <summary>One registered backlog; disposing it removes it from the gauges.</summary>
    private sealed class Backlog(TelemetryHealth health, KeyValuePair<string, object?> tag, Func<BacklogReading> read) : IDisposable
    {
        public KeyValuePair<string, object?> Tag { get; } = tag;

        public Func<BacklogReading> Read { get; } = read;

        public void Dispose() => health._backlogs.TryRemove(this, out _);
    }

    /// <summary>The occurrences of one problem since its last log line.</summary>
    private abstract class ReportWindow(TelemetryHealth health)
    {
        protected TelemetryHealth Health { get; } = health;

        public long LastReport { get; protected set; }

        public ITimer? Timer { get; set; }

        public void LogPending() => LogPending(Health._timeProvider.GetTimestamp());

        public abstract void LogPending(long now);
    }

    private sealed class ReportWindow<TState>(TelemetryHealth health, Action<ILogger, Exception?, long, TState> log) : ReportWindow(health)
    {
        private long _pending;
        private Exception? _exception;
        private TState _state = default!;

        // Under the lock: the latest exception and state stand for all the occurrences.
        public void Add(long count, Exception? exception, TState state)
        {
            _pending += count;
            _exception = exception;
            _state = state;
        }

        public override void LogPending(long now)
        {
            long count;
            Exception? exception;
            TState state;
            lock (this)
            {
                Timer?.Dispose();
                Timer = null;
                if (_pending == 0)
                {
                    return;
                }

                LastReport = now;
                count = _pending;
                exception = _exception;
                state = _state;
                _pending = 0;
                _exception = null;
            }

            try
            {
                log(Health._logger, exception, count, state);
            }
            catch (Exception)
            {
                // A broken logger must not turn a reported problem into an exception in the application.
            }
        }
    }
}
