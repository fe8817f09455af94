using System;
using System.IO;
using System.Text;
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
/// are dropped and reported.
/// </summary>
public sealed class LocalEventSink : IEventSink, IAsyncDisposable, IDisposable
{
    private readonly Channel<LocalEntry> _queue;
    private readonly TextWriter? _console;
    private readonly string? _path;
    private readonly TelemetryHealth _health;
    private readonly Task _writer;
    private FileStream? _file;

    /// <summary>Creates the sink from the options.</summary>
    /// <param name="options">The telemetry options.</param>
    /// <param name="health">Where dropped events are reported.</param>
    public LocalEventSink(IOptions<MedicAppTelemetryOptions> options, TelemetryHealth health)
        : this(options, health, Console.Out)
    {
    }

    internal LocalEventSink(IOptions<MedicAppTelemetryOptions> options, TelemetryHealth health, TextWriter console)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(health);
        var local = options.Value.Local;
        _console = local.Console ? console : null;
        _path = string.IsNullOrWhiteSpace(local.Path) ? null : Path.GetFullPath(local.Path);
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
    public string? FilePath => _path;

    /// <inheritdoc/>
    public void Emit(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entry = new LocalEntry(
            _console is null ? null : LocalEventFormatter.FormatLine(record),
            _path is null ? null : LocalEventFormatter.FormatJson(record),
            null);
        if (!_queue.Writer.TryWrite(entry))
        {
            _health.ReportDropped(Name, "the write queue is full");
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
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    /// <summary>Writes what is queued, then closes the file.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var entry))
                {
                    Write(entry);
                }

                FlushFile();
            }
        }
        finally
        {
            _file?.Dispose();
        }
    }

    private void Write(LocalEntry entry)
    {
        if (entry.Flushed is { } flushed)
        {
            FlushFile();
            flushed.TrySetResult();
            return;
        }

        if (entry.Line is not null)
        {
            try
            {
                _console!.WriteLine(entry.Line);
            }
            catch (Exception exception)
            {
                _health.ReportDropped(Name, "the console could not be written", 1, exception);
            }
        }

        if (entry.Json is not null)
        {
            try
            {
                _file ??= OpenFile(_path!);
                _file.Write(Encoding.UTF8.GetBytes(entry.Json + "\n"));
            }
            catch (Exception exception)
            {
                _health.ReportDropped(Name, "the JSON lines file could not be written", 1, exception);
                _file?.Dispose();
                _file = null;
            }
        }
    }

    private void FlushFile()
    {
        try
        {
            _file?.Flush(flushToDisk: false);
        }
        catch (IOException exception)
        {
            _health.ReportDropped(Name, "the JSON lines file could not be flushed", 0, exception);
        }
    }

    private static FileStream OpenFile(string path)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
    }

    private sealed record LocalEntry(string? Line, string? Json, TaskCompletionSource? Flushed);
}
