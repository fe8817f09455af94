using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MedicApp.Tests.Shared;

namespace MedicApp.Telemetry.Tests.Sinks;

/// <summary>What the exporter keeps in an offline storage directory, read by the tests apart from the product's reader.</summary>
internal static class OfflineStorage
{
    /// <summary>The folder the exporter uses for the loopback endpoints' instrumentation key under <paramref name="storageDirectory"/>.</summary>
    public static string Folder(string storageDirectory) => OfflineStorageFolder.Locate(storageDirectory, IngestionServer.InstrumentationKey);

    /// <summary>The blobs, leased or not, anywhere under <paramref name="storageDirectory"/> (files being written excluded).</summary>
    public static IReadOnlyList<string> Blobs(string storageDirectory)
        => Directory.Exists(storageDirectory)
            ? [.. Directory.EnumerateFiles(storageDirectory, "*", SearchOption.AllDirectories).Where(static f => f.Contains(".blob", StringComparison.Ordinal) && !f.EndsWith(".tmp", StringComparison.Ordinal))]
            : [];

    /// <summary>The event ids in the blobs under <paramref name="storageDirectory"/>, one per stored copy.</summary>
    public static IReadOnlyList<Guid> EventIds(string storageDirectory)
    {
        var ids = new List<Guid>();
        foreach (var blob in Blobs(storageDirectory))
        {
            // Bytes, not text: a blob can be tens of megabytes.
            var rest = ReadOrEmpty(blob).AsSpan();
            for (var at = rest.IndexOf(EventIdKey); at >= 0; at = rest.IndexOf(EventIdKey))
            {
                rest = rest[(at + EventIdKey.Length)..];
                ids.Add(Guid.Parse(Encoding.UTF8.GetString(rest[..36])));
            }
        }

        return ids;
    }

    /// <summary>
    /// Completes once <paramref name="condition"/> holds, checked now and after every change of a file under
    /// <paramref name="storageDirectory"/>; fails after <paramref name="timeout"/>.
    /// </summary>
    public static async Task WaitUntilAsync(string storageDirectory, Func<bool> condition, TimeSpan timeout, string what)
    {
        var met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = new FileSystemWatcher(storageDirectory) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size };
        void Check()
        {
            if (condition())
            {
                met.TrySetResult();
            }
        }

        watcher.Created += (_, _) => Check();
        watcher.Changed += (_, _) => Check();
        watcher.Renamed += (_, _) => Check();
        watcher.Deleted += (_, _) => Check();
        watcher.EnableRaisingEvents = true;
        Check();
        try
        {
            await met.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Offline storage under {storageDirectory}: not {what} after {timeout}; blobs: [{string.Join(", ", Blobs(storageDirectory).Select(Path.GetFileName))}]");
        }
    }

    /// <summary>
    /// Puts in <paramref name="folder"/> a blob of <paramref name="size"/> bytes leased by another instance for the next
    /// minutes: counted against the exporter's cap, never sent nor evicted by this process. The file is sparse: it takes
    /// no disk space.
    /// </summary>
    public static void AddLeasedBlob(string folder, long size)
    {
        Directory.CreateDirectory(folder);
        var now = DateTime.UtcNow;
        var name = $"{now:yyyy-MM-ddTHHmmss.fffffff}Z-{Guid.NewGuid():N}.blob@{now.AddMinutes(10):yyyy-MM-ddTHHmmss.fffffff}Z.lock";
        using var file = File.Create(Path.Combine(folder, name));
        file.SetLength(size);
    }

    private static ReadOnlySpan<byte> EventIdKey => "\"event_id\":\""u8;

    private static byte[] ReadOrEmpty(string blob)
    {
        try
        {
            return File.ReadAllBytes(blob);
        }
        catch (IOException)
        {
            return [];
        }
    }
}
