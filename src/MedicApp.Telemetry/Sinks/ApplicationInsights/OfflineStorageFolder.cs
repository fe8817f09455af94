using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace MedicApp.Telemetry;

/// <summary>
/// Where the Azure Monitor exporter (1.10) keeps the telemetry of a transmitter in offline storage, found as the exporter
/// finds it, so that the sink can check the folder at start and read its backlog. Pinned by ExporterBehaviourPins.
/// </summary>
/// <remarks>
/// The folder is the configured storage directory (by default <c>$TMPDIR</c>, <c>/var/tmp</c> or <c>/tmp</c>, then
/// <c>Microsoft/AzureMonitor</c>; on Windows <c>%LOCALAPPDATA%</c> or <c>%TEMP%</c>) and a leaf named by the SHA-256 of
/// <c>{instrumentationKey};{user};{processName};{baseDirectory}</c>, or of <c>{instrumentationKey};{user};{override}</c>
/// when the AppContext data <see cref="SubDirectoryOverrideName"/> is set. The connection string's other keys do not
/// count: the application's own transmitter, given the same directory, shares the folder.
/// </remarks>
internal static class OfflineStorageFolder
{
    /// <summary>The AppContext data that replaces the process name and base directory in the leaf's seed.</summary>
    public const string SubDirectoryOverrideName = "Azure.Monitor.OpenTelemetry.Exporter.StorageSubDirectory";

    /// <summary>The exporter's cap on the folder, which cannot be configured: past it, telemetry to store is dropped.</summary>
    public const long MaxSizeInBytes = 50L * 1024 * 1024;

    /// <summary>Returns the folder of the transmitter of <paramref name="instrumentationKey"/>.</summary>
    public static string Locate(string? storageDirectory, string instrumentationKey)
    {
        var root = string.IsNullOrWhiteSpace(storageDirectory) ? DefaultRoot() : storageDirectory;
        var overridden = AppContext.GetData(SubDirectoryOverrideName) as string;
        var seed = string.IsNullOrWhiteSpace(overridden)
            ? Process.GetCurrentProcess().ProcessName + ";" + AppContext.BaseDirectory
            : overridden.Trim();
        return Path.Combine(root, Leaf(instrumentationKey, Environment.UserName, seed));
    }

    /// <summary>The leaf: lower-case hexadecimal SHA-256 of the UTF-16 seed, as the exporter hashes it.</summary>
    public static string Leaf(string instrumentationKey, string userName, string seed)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.Unicode.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{instrumentationKey};{userName};{seed}"))));

    /// <summary>
    /// Creates the folder if needed and writes and deletes a file in it, as the exporter will have to; returns what went
    /// wrong, or null when the folder can take blobs.
    /// </summary>
    public static Exception? Probe(string folder)
    {
        try
        {
            CreateDirectory(folder);
            var probe = Path.Combine(folder, "medicapp-probe-" + Guid.NewGuid().ToString("N") + ".tmp");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception exception) when (IsFileSystemError(exception))
        {
            return exception;
        }
    }

    /// <summary>Gets whether the folder has reached the exporter's cap, counting every file in it as the exporter does.</summary>
    public static bool IsFull(string folder)
    {
        try
        {
            long size = 0;
            foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
            {
                size += file.Length;
                if (size >= MaxSizeInBytes)
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

    // The first of the exporter's candidates that exists or can be created, in its order.
    private static string DefaultRoot()
    {
        string?[] candidates = OperatingSystem.IsWindows()
            ? [Environment.GetEnvironmentVariable("LOCALAPPDATA"), Environment.GetEnvironmentVariable("TEMP")]
            : [Environment.GetEnvironmentVariable("TMPDIR"), "/var/tmp/", "/tmp/"];
        foreach (var candidate in candidates)
        {
            if (candidate is null)
            {
                continue;
            }

            var root = Path.Combine(candidate, "Microsoft", "AzureMonitor");
            try
            {
                CreateDirectory(root);
                return root;
            }
            catch (Exception exception) when (IsFileSystemError(exception))
            {
            }
        }

        return Path.Combine(Path.GetTempPath(), "Microsoft", "AzureMonitor");
    }

    // What a path that cannot be used throws: a file in the way, no permission, a malformed path.
    private static bool IsFileSystemError(Exception exception)
        => exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException;

    private static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
