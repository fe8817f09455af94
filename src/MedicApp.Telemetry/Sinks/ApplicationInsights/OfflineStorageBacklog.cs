using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace MedicApp.Telemetry;

/// <summary>
/// Reads the events that wait in a sink's offline storage folder, and since when, for the backlog gauges: at most once
/// every <see cref="CacheDuration"/>, and each blob once (the exporter never rewrites a blob; leasing one only renames
/// it). Events are counted by their <c>event_id</c>, so the application's own telemetry, which shares the folder when
/// it shares the storage directory, does not count.
/// </summary>
internal sealed class OfflineStorageBacklog
{
    /// <summary>How long a reading is reused before the folder is read again.</summary>
    public static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(5);

    private const string BlobExtension = ".blob";

    // The exporter names a blob {yyyy-MM-ddTHHmmss.fffffffZ}-{guid}.blob, and a leased one {blob}@{expiry}.lock.
    private const string TimestampFormat = "yyyy-MM-ddTHHmmss.fffffffZ";

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private Dictionary<string, StoredBlob> _blobs = new(StringComparer.Ordinal);
    private (long Events, DateTimeOffset? Oldest) _reading;
    private long _readAt;

    public OfflineStorageBacklog(string folder, TimeProvider time)
    {
        Folder = folder;
        _time = time;
    }

    /// <summary>Gets the folder read.</summary>
    public string Folder { get; }

    /// <summary>
    /// Returns the backlog of the sink's offline storage, or null when offline storage is off or cannot be used; the
    /// latter is reported to <paramref name="health"/>, since the events it should keep will be lost.
    /// </summary>
    public static OfflineStorageBacklog? Open(ApplicationInsightsSinkOptions settings, string connectionString, TelemetryHealth health, string sinkName)
    {
        if (!settings.EnableOfflineStorage)
        {
            return null;
        }

        var folder = OfflineStorageFolder.Locate(settings.StorageDirectory, ConnectionStringCheck.InstrumentationKey(connectionString) ?? string.Empty);
        if (OfflineStorageFolder.Probe(folder) is { } problem)
        {
            health.StorageUnusable(sinkName, folder, problem);
            return null;
        }

        return new OfflineStorageBacklog(folder, health.TimeProvider);
    }

    /// <summary>Returns how many events are stored and how long the oldest has waited.</summary>
    public (long Events, TimeSpan OldestAge) Read()
    {
        lock (_gate)
        {
            if (_readAt == 0 || _time.GetElapsedTime(_readAt) >= CacheDuration)
            {
                _reading = ReadFolder();
                _readAt = _time.GetTimestamp();
            }

            var oldestAge = _reading.Oldest is { } oldest ? _time.GetUtcNow() - oldest : TimeSpan.Zero;
            return (_reading.Events, oldestAge > TimeSpan.Zero ? oldestAge : TimeSpan.Zero);
        }
    }

    /// <summary>Gets whether the folder has reached the exporter's cap, past which it drops what it should store.</summary>
    public bool IsFull() => OfflineStorageFolder.IsFull(Folder);

    /// <summary>
    /// Gets whether a leased blob holds the event: the exporter leases the blobs it sends again, so a failed request
    /// that carried it was a re-send, whose events stay stored.
    /// </summary>
    public bool IsBeingResent(Guid eventId)
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Folder, "*" + BlobExtension + "@*.lock"))
            {
                if (TryReadAll(file) is { } content && DeliveryTracker.Contains(content, eventId))
                {
                    return true;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }

        return false;
    }

    private (long Events, DateTimeOffset? Oldest) ReadFolder()
    {
        var blobs = new Dictionary<string, StoredBlob>(StringComparer.Ordinal);
        long events = 0;
        DateTimeOffset? oldest = null;
        try
        {
            foreach (var file in Directory.EnumerateFiles(Folder))
            {
                var name = Path.GetFileName(file);
                var end = name.IndexOf(BlobExtension, StringComparison.Ordinal);
                if (end < 0 || name.EndsWith(".tmp", StringComparison.Ordinal))
                {
                    continue;
                }

                var key = name[..(end + BlobExtension.Length)];
                if (!_blobs.TryGetValue(key, out var blob))
                {
                    if (TryReadAll(file) is not { } content)
                    {
                        continue;
                    }

                    blob = new StoredBlob(DeliveryTracker.CountEvents(content, out _), CreatedAt(key, file));
                }

                blobs[key] = blob;
                events += blob.Events;
                if (blob.Events > 0 && (oldest is null || blob.Created < oldest))
                {
                    oldest = blob.Created;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A folder gone or unreadable holds nothing this process can count.
        }

        _blobs = blobs;
        return (events, oldest);
    }

    private static DateTimeOffset CreatedAt(string key, string file)
        => key.Length > TimestampFormat.Length
            && DateTimeOffset.TryParseExact(key[..TimestampFormat.Length], TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
            ? created
            : File.GetLastWriteTimeUtc(file);

    // A blob can be leased (renamed) or deleted between listing and reading: it is counted at the next reading.
    private static byte[]? TryReadAll(string file)
    {
        try
        {
            return File.ReadAllBytes(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private readonly record struct StoredBlob(int Events, DateTimeOffset Created);
}
