using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;

namespace MedicApp.Telemetry;

/// <summary>
/// The sink used when no Application Insights connection string is set: one readable line per event on the
/// console, and one JSON object per event appended to <see cref="LocalSinkOptions.Path"/>, holding the properties
/// exactly as Application Insights would receive them. Lines are written by a background task, so tracking never
/// waits for the console or the disk; past <see cref="LocalSinkOptions.QueueCapacity"/> waiting events, new ones
/// are dropped and reported. Several sinks, in this process or others, may append to the same file: each batch is
/// written whole under an exclusive lock, so no line is lost or cut.
/// </summary>
public sealed class LocalEventSink : IEventSink, IAsyncDisposable, IDisposable
{
    private readonly Channel<LocalEntry> _queue;
    private readonly TextWriter? _console;
    private readonly JsonLinesFile? _file;
    private readonly TelemetryHealth _health;
    private readonly Task _writer;
    private volatile bool _disposed;

    /// <summary>Creates the sink from the options.</summary>
    /// <param name="options">The telemetry options.</param>
    /// <param name="health">Where dropped events are reported.</param>
    public LocalEventSink(IOptions<MedicAppTelemetryOptions> options, TelemetryHealth health)
        : this(options, health, Console.Out)
    {
    }

    internal LocalEventSink(IOptions<MedicAppTelemetryOptions> options, TelemetryHealth health, TextWriter console, IReadOnlyList<TimeSpan>? fileRetryDelays = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(health);
        var local = options.Value.Local;
        _console = local.Console ? console : null;
        _file = string.IsNullOrWhiteSpace(local.Path) ? null : new JsonLinesFile(Path.GetFullPath(local.Path), Name, health, fileRetryDelays ?? JsonLinesFile.DefaultRetryDelays);
        _health = health;
        _queue = Channel.CreateBounded<LocalEntry>(new BoundedChannelOptions(local.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <inheritdoc/>
    public string Name => "local";

    /// <summary>Gets the full path of the JSON lines file, or null when none is configured.</summary>
    public string? FilePath => _file?.Path;

    /// <inheritdoc/>
    public void Emit(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entry = new LocalEntry(
            _console is null ? null : LocalEventFormatter.FormatLine(record),
            _file is null ? null : LocalEventFormatter.FormatJson(record),
            null);
        if (!_queue.Writer.TryWrite(entry))
        {
            _health.ReportDropped(Name, _disposed ? "the sink is disposed" : "the write queue is full");
        }
    }

    /// <inheritdoc/>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _queue.Writer.WriteAsync(new LocalEntry(null, null, flushed), cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return;
        }

        await flushed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes what is queued, then closes the file.</summary>
    /// <returns>A task that completes when everything is written.</returns>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    /// <summary>Writes what is queued, then closes the file.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var entry))
            {
                if (entry.Flushed is { } flushed)
                {
                    await WriteFileAsync().ConfigureAwait(false);
                    flushed.TrySetResult();
                    continue;
                }

                WriteConsole(entry.Line);
                if (entry.Json is not null)
                {
                    _file!.Add(entry.Json);
                    if (_file.IsFull)
                    {
                        await _file.WriteAsync().ConfigureAwait(false);
                    }
                }
            }

            await WriteFileAsync().ConfigureAwait(false);
        }
    }

    private Task WriteFileAsync() => _file is null ? Task.CompletedTask : _file.WriteAsync();

    private void WriteConsole(string? line)
    {
        if (line is null)
        {
            return;
        }

        try
        {
            _console!.WriteLine(line);
        }
        catch (Exception exception)
        {
            _health.ReportDropped(Name, "the console could not be written", 1, exception);
        }
    }

    private sealed record LocalEntry(string? Line, string? Json, TaskCompletionSource? Flushed);
}
