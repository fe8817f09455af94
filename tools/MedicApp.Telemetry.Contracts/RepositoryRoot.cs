using System;
using System.IO;

namespace MedicApp.Telemetry.Contracts;

/// <summary>Finds the repository root: the nearest folder, upwards, that holds MedicApp.Telemetry.sln.</summary>
public static class RepositoryRoot
{
    public static string Find(string? start = null)
    {
        for (var directory = new DirectoryInfo(start ?? AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MedicApp.Telemetry.sln")))
            {
                return directory.FullName;
            }
        }

        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MedicApp.Telemetry.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MedicApp.Telemetry.sln was not found above " + (start ?? AppContext.BaseDirectory));
    }
}
