using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace MedicApp.Telemetry.Benchmarks;

/// <summary>
/// The outbox, as a sink: <see cref="Emit"/> turns each event into a <see cref="TelemetryOutboxRow"/>, which
/// <see cref="AddPendingTo"/> adds to the application's context, so that its <c>SaveChanges</c> inserts the rows in the
/// transaction of its own change.
/// </summary>
public sealed class OutboxEventSink : IEventSink
{
    private readonly Lock _lock = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;
    private readonly List<TelemetryOutboxRow> _pending = [];

    /// <summary>Creates the sink.</summary>
    public OutboxEventSink() => _json = new Utf8JsonWriter(_buffer);

    /// <inheritdoc/>
    public string Name => "outbox";

    /// <inheritdoc/>
    public void Emit(EventRecord record)
    {
        var activity = Activity.Current;
        lock (_lock)
        {
            _buffer.ResetWrittenCount();
            _json.Reset(_buffer);
            EventJson.WriteProperties(_json, record);
            _json.Flush();
            _pending.Add(new TelemetryOutboxRow
            {
                Id = record.EventId,
                Name = record.Name,
                TrackedAt = record.Timestamp,
                Properties = Encoding.UTF8.GetString(_buffer.WrittenSpan),
                TraceId = activity?.TraceId.ToHexString(),
                SpanId = activity?.SpanId.ToHexString(),
                AvailableAt = record.Timestamp.ToUnixTimeMilliseconds(),
            });
        }
    }

    /// <summary>Adds the rows of the events tracked since the last call to <paramref name="outbox"/>.</summary>
    /// <param name="outbox">The application's context's outbox.</param>
    public void AddPendingTo(DbSet<TelemetryOutboxRow> outbox)
    {
        lock (_lock)
        {
            foreach (var row in _pending)
            {
                outbox.Add(row);
            }

            _pending.Clear();
        }
    }

    /// <summary>Nothing to flush: the rows are written by the application's <c>SaveChanges</c>.</summary>
    /// <param name="cancellationToken">Not used.</param>
    /// <returns>A completed task.</returns>
    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
