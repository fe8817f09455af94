using System;
using System.IO;

namespace MedicApp.Telemetry.Benchmarks;

/// <summary>A temporary folder on a disk, for benchmarks that measure what it costs to wait for the disk.</summary>
public static class DiskFolder
{
    /// <summary>Creates a folder under the temporary folder (<c>TMPDIR</c>) and says which file system holds it.</summary>
    /// <param name="prefix">The start of the folder's name.</param>
    /// <returns>The folder's full path.</returns>
    /// <exception cref="InvalidOperationException">The folder is on a file system in memory, where fsync waits for nothing.</exception>
    public static string CreateTemporary(string prefix)
    {
        var path = Directory.CreateTempSubdirectory(prefix).FullName;
        var filesystem = new DriveInfo(path).DriveFormat;
        if (filesystem is "tmpfs" or "ramfs")
        {
            Directory.Delete(path);
            throw new InvalidOperationException(
                $"{path} is on {filesystem}, in memory, where fsync waits for nothing: set TMPDIR to a folder on a disk.");
        }

        Console.WriteLine($"// Files in {path} ({filesystem})");
        return path;
    }
}
