using System;
using System.Buffers;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace MedicApp.Telemetry.Benchmarks;

/// <summary>
/// A durable local journal, as a sink: <see cref="Emit"/> serializes the event as one JSON line into a reused buffer
/// and appends it to a file opened once, so the event is in the journal before the tracking call returns. How durable
/// depends on <see cref="JournalDurability"/>.
/// </summary>
/// <remarks>
/// The journal is written in segments: <see cref="RollOverPast"/>, called between iterations, closes the current one
/// once it passes a size, counts its lines and starts the next, so a long run neither fills the disk nor pays the
/// roll-over inside a measured call. <see cref="CountLines"/> reads every line back for the final check.
/// </remarks>
public sealed class JournalEventSink : IEventSink, IDisposable
{
    /// <summary>How many events share one <c>fsync</c> with <see cref="JournalDurability.WriteAndFsyncPerGroup"/>.</summary>
    public const int GroupSize = 64;

    private readonly Lock _lock = new();
    private readonly string _directory;
    private readonly JournalDurability _durability;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;
    private FileStream _segment;
    private int _segments;
    private int _unsynced;
    private long _linesInClosedSegments;
    private long _bytesWritten;

    /// <summary>Opens the first segment of a journal in <paramref name="directory"/>.</summary>
    /// <param name="directory">An existing folder, on the disk to measure (not a tmpfs, where fsync does nothing).</param>
    /// <param name="durability">What <see cref="Emit"/> waits for.</param>
    public JournalEventSink(string directory, JournalDurability durability)
    {
        _directory = directory;
        _durability = durability;
        _json = new Utf8JsonWriter(_buffer);
        _segment = OpenSegment();
    }

    /// <inheritdoc/>
    public string Name => "journal";

    /// <summary>Gets how many bytes were appended to the journal, lines and line ends.</summary>
    public long BytesWritten
    {
        get
        {
            lock (_lock)
            {
                return _bytesWritten;
            }
        }
    }

    /// <inheritdoc/>
    public void Emit(EventRecord record)
    {
        lock (_lock)
        {
            _buffer.ResetWrittenCount();
            _json.Reset(_buffer);
            EventJson.WriteEvent(_json, record, Activity.Current);
            _json.Flush();
            _buffer.Write("\n"u8);

            // No FileStream buffer: one write system call, at the segment's end.
            _segment.Write(_buffer.WrittenSpan);
            _bytesWritten += _buffer.WrittenCount;
            if (_durability == JournalDurability.WriteAndFsync
                || (_durability == JournalDurability.WriteAndFsyncPerGroup && ++_unsynced == GroupSize))
            {
                _segment.Flush(flushToDisk: true);
                _unsynced = 0;
            }
        }
    }

    /// <summary>Waits for the disk to have a group that is not full yet; every other line is already where its durability puts it.</summary>
    /// <param name="cancellationToken">Not used: nothing is awaited.</param>
    /// <returns>A completed task.</returns>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            SyncGroup();
        }

        return Task.CompletedTask;
    }

    /// <summary>Starts a new segment once the current one holds more than <paramref name="bytes"/>; the full one is counted and deleted.</summary>
    /// <param name="bytes">The size past which a segment is closed.</param>
    public void RollOverPast(long bytes)
    {
        lock (_lock)
        {
            if (_segment.Length <= bytes)
            {
                return;
            }

            SyncGroup();
            var full = _segment.Name;
            _segment.Dispose();
            _linesInClosedSegments += CountLines(full);
            File.Delete(full);
            _segment = OpenSegment();
        }
    }

    /// <summary>Counts the lines in the journal, reading the current segment back from the file.</summary>
    /// <returns>The lines of every segment, deleted ones included.</returns>
    public long CountLines()
    {
        lock (_lock)
        {
            return _linesInClosedSegments + CountLines(_segment.Name);
        }
    }

    /// <summary>Closes the current segment.</summary>
    public void Dispose()
    {
        _segment.Dispose();
        _json.Dispose();
    }

    private void SyncGroup()
    {
        if (_unsynced > 0)
        {
            _segment.Flush(flushToDisk: true);
            _unsynced = 0;
        }
    }

    private FileStream OpenSegment() => new(
        Path.Combine(_directory, $"journal-{_segments++:D6}.jsonl"),
        new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            BufferSize = 0,
            Options = _durability == JournalDurability.WriteThrough ? FileOptions.WriteThrough : FileOptions.None,
        });

    private static long CountLines(string path)
    {
        using var file = File.OpenHandle(path);
        var chunk = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            long lines = 0;
            long offset = 0;
            int read;
            while ((read = RandomAccess.Read(file, chunk, offset)) > 0)
            {
                lines += chunk.AsSpan(0, read).Count((byte)'\n');
                offset += read;
            }

            return lines;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
