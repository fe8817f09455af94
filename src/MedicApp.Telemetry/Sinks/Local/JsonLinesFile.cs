using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace MedicApp.Telemetry;

/// <summary>
/// Appends JSON lines to one file that other writers (another host in the process, another process) may append to
/// at the same time. Lines are gathered into a batch; each batch is written under an exclusive lock: the file is
/// opened with <see cref="FileShare.None"/> (a sharing violation on Windows, an advisory <c>flock</c> on Unix), written
/// at its end in one call, and closed. Two writers therefore never write at the same place, and a line is never cut.
/// A writer that finds the file locked waits and tries again; a batch it finally cannot write is reported as dropped.
/// </summary>
internal sealed class JsonLinesFile
{
    /// <summary>A batch is written once it holds this many bytes, so a burst does not grow the buffer unbounded.</summary>
    public const int MaxBatchBytes = 1 << 20;

    /// <summary>The waits between attempts while another writer holds the file: about 2.3 seconds in all.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
    [
        TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40), TimeSpan.FromMilliseconds(80),
        TimeSpan.FromMilliseconds(160), TimeSpan.FromMilliseconds(320), TimeSpan.FromMilliseconds(640), TimeSpan.FromSeconds(1),
    ];

    private readonly string _sinkName;
    private readonly TelemetryHealth _health;
    private readonly IReadOnlyList<TimeSpan> _retryDelays;
    private readonly ArrayBufferWriter<byte> _batch = new(64 * 1024);
    private int _lines;

    public JsonLinesFile(string path, string sinkName, TelemetryHealth health, IReadOnlyList<TimeSpan> retryDelays)
    {
        Path = path;
        _sinkName = sinkName;
        _health = health;
        _retryDelays = retryDelays;
    }

    /// <summary>Gets the full path of the file.</summary>
    public string Path { get; }

    /// <summary>Gets whether the batch is large enough to be written now.</summary>
    public bool IsFull => _batch.WrittenCount >= MaxBatchBytes;

    /// <summary>Adds one line to the batch.</summary>
    public void Add(string json)
    {
        Encoding.UTF8.GetBytes(json, _batch);
        _batch.Write("\n"u8);
        _lines++;
    }

    /// <summary>Appends the batch to the file, waiting while another writer holds it; reports the batch when it cannot.</summary>
    public async Task WriteAsync()
    {
        if (_lines == 0)
        {
            return;
        }

        try
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    Append(_batch.WrittenSpan);
                    return;
                }
                catch (IOException exception) when (IsTransient(exception) && attempt < _retryDelays.Count)
                {
                    await Task.Delay(_retryDelays[attempt]).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception)
        {
            _health.ReportDropped(_sinkName, "the JSON lines file could not be written", _lines, exception);
        }
        finally
        {
            _batch.ResetWrittenCount();
            _lines = 0;
        }
    }

    private void Append(ReadOnlySpan<byte> lines)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // FileMode.Append seeks to the end once the handle is open, so after the lock is taken: nothing another writer
        // appended before is overwritten. No buffer: the batch goes out in one write.
        using var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);
        file.Write(lines);
    }

    // A file held by another writer is a plain IOException (sharing violation); so are most passing errors. A missing
    // folder, a path too long or a denied access will not get better by waiting.
    private static bool IsTransient(IOException exception) => exception.GetType() == typeof(IOException);
}
