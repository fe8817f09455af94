using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace MedicApp.Telemetry;

/// <summary>
/// Sends the events tracked on the current asynchronous flow to an outbox instead of the sinks, from its creation
/// until it is disposed: the base of a unit of work whose events must be committed with its state change.
/// MedicApp.Telemetry.EntityFrameworkCore derives it as <c>dbContext.CaptureTelemetryEvents()</c>.
/// </summary>
/// <remarks>
/// <para>
/// A capture is ambient, like a <c>TransactionScope</c>: the generated tracking methods need no other argument. It
/// flows into tasks started inside it, but stops capturing once disposed; a nested capture takes over until it is
/// disposed. Create and dispose it on the same flow (a <c>using</c> declaration), not across <c>await</c>s of another
/// method.
/// </para>
/// <para>
/// Events are written after their privacy policy, so the outbox holds what telemetry sends and nothing more. Each
/// event is claimed by this process for <see cref="OutboxOptions.ClaimDuration"/>: the process sends it when the
/// capture is disposed after the commit; should it fail or stop first, the dispatcher of any instance sends it later.
/// </para>
/// </remarks>
public abstract class EventCapture : IDisposable, IAsyncDisposable
{
    private static readonly AsyncLocal<EventCapture?> s_current = new();

    private readonly EventCapture? _outer;
    private readonly OutboxDelivery _delivery;
    private readonly List<OutboxEvent> _captured = [];
    private volatile bool _disposed;

    /// <summary>Starts capturing the events tracked on the current flow.</summary>
    /// <param name="services">The application's services, where <c>AddMedicAppTelemetry()</c> registered an outbox.</param>
    /// <exception cref="InvalidOperationException">No outbox is registered.</exception>
    protected EventCapture(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _delivery = services.GetService(typeof(OutboxDelivery)) as OutboxDelivery
            ?? throw new InvalidOperationException(
                "No telemetry outbox is registered: call AddMedicAppTelemetry().AddEntityFrameworkOutbox<TContext>() (MedicApp.Telemetry.EntityFrameworkCore) "
                + "or AddOutbox<TStore>() before capturing events.");
        _outer = s_current.Value;
        s_current.Value = this;
    }

    /// <summary>Gets the events captured so far, in the order they were tracked.</summary>
    public IReadOnlyList<OutboxEvent> Events => _captured;

    internal static EventCapture? Current
    {
        get
        {
            var capture = s_current.Value;
            while (capture is { _disposed: true })
            {
                capture = capture._outer;
            }

            return capture;
        }
    }

    /// <summary>Stops capturing, then hands what the unit of work committed to delivery (see <see cref="OnCompleted"/>).</summary>
    public void Dispose()
    {
        if (Stop())
        {
            try
            {
                OnCompleted(_delivery);
            }
            catch (Exception exception)
            {
                _delivery.CompletionFailed(exception);
            }
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Stops capturing, then hands what the unit of work committed to delivery (see <see cref="OnCompletedAsync"/>).</summary>
    /// <returns>A task that completes once the committed events are handed to the sinks.</returns>
    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);

        // Not an async method: the ambient capture is restored in the caller's context, not in a copy of it.
        return Stop() ? CompleteAsync() : default;
    }

    internal void Capture(EventRecord record)
    {
        var captured = _delivery.CreateClaimed(record, Activity.Current?.Context ?? default);
        lock (_captured)
        {
            _captured.Add(captured);
        }

        OnCaptured(captured);
    }

    /// <summary>Adds one captured event to the unit of work, to be written with its changes.</summary>
    /// <param name="captured">The event, claimed by this process.</param>
    protected abstract void OnCaptured(OutboxEvent captured);

    /// <summary>
    /// Called once, when the capture is disposed: hands the events the unit of work committed to
    /// <see cref="OutboxDelivery.SendCommitted"/>, and counts those it did not save with
    /// <see cref="OutboxDelivery.ReportUnsaved"/>. Events whose commit is not known yet stay claimed, and the
    /// dispatcher sends them once the claim expires.
    /// </summary>
    /// <param name="delivery">Where to hand them.</param>
    protected abstract void OnCompleted(OutboxDelivery delivery);

    /// <summary>Called once, when the capture is disposed asynchronously; by default runs <see cref="OnCompleted"/>.</summary>
    /// <param name="delivery">Where to hand the events.</param>
    /// <returns>A task that completes once the committed events are handed over.</returns>
    protected virtual ValueTask OnCompletedAsync(OutboxDelivery delivery)
    {
        OnCompleted(delivery);
        return default;
    }

    private async ValueTask CompleteAsync()
    {
        try
        {
            await OnCompletedAsync(_delivery).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _delivery.CompletionFailed(exception);
        }
    }

    private bool Stop()
    {
        if (_disposed)
        {
            return false;
        }

        _disposed = true;
        if (ReferenceEquals(s_current.Value, this))
        {
            s_current.Value = _outer;
        }

        return true;
    }
}
