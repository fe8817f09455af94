using System;
using System.IO;
using Snapshooter;
using Snapshooter.Xunit;
using Xunit;

namespace MedicApp.Tests.Shared;

/// <summary>
/// <see cref="Snapshot.Match(object, SnapshotFullName, Func{MatchOptions, MatchOptions})"/> that refuses to create a
/// missing snapshot on CI. Snapshooter writes a missing snapshot and passes, so a snapshot never committed would go
/// unchecked forever; with <c>CI=true</c> a missing one fails instead.
/// </summary>
/// <remarks>
/// Snapshooter names a snapshot after the [Fact] on the call stack: <c>__snapshots__/{TestClass}.{TestMethod}.snap</c>
/// beside the test's source file (found through the PDB), and writes a differing result to
/// <c>__snapshots__/__mismatch__/</c> for review. Call this directly from the test method, never after an await.
/// </remarks>
internal static class SnapshotAssert
{
    private const string SnapshotFolderName = "__snapshots__";

    /// <summary>Gets whether the tests run on CI, where snapshots must already exist.</summary>
    public static bool IsContinuousIntegration =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Matches <paramref name="value"/> against the snapshot of the calling test.</summary>
    public static void Match(string value) => Match(value, failWhenMissing: IsContinuousIntegration);

    /// <summary>Matches <paramref name="value"/>, stored as indented JSON, against the snapshot of the calling test.</summary>
    public static void Match(object value) => Match(value, failWhenMissing: IsContinuousIntegration);

    /// <summary>
    /// Matches <paramref name="value"/> against the snapshot of the calling test; when the snapshot does not exist,
    /// fails if <paramref name="failWhenMissing"/>, else lets Snapshooter create it.
    /// </summary>
    public static void Match(string value, bool failWhenMissing)
    {
        var fullName = Snapshot.FullName();
        EnsureExists(fullName, failWhenMissing);
        Snapshot.Match(value, fullName);
    }

    /// <summary>
    /// Matches <paramref name="value"/>, stored as indented JSON, against the snapshot of the calling test; when the
    /// snapshot does not exist, fails if <paramref name="failWhenMissing"/>, else lets Snapshooter create it.
    /// </summary>
    public static void Match(object value, bool failWhenMissing)
    {
        var fullName = Snapshot.FullName();
        EnsureExists(fullName, failWhenMissing);
        Snapshot.Match(value, fullName);
    }

    /// <summary>The file Snapshooter reads and writes for <paramref name="fullName"/>.</summary>
    public static string SnapshotPath(SnapshotFullName fullName) =>
        Path.Combine(fullName.FolderPath, SnapshotFolderName, fullName.Filename);

    private static void EnsureExists(SnapshotFullName fullName, bool failWhenMissing)
    {
        var path = SnapshotPath(fullName);
        if (failWhenMissing && !File.Exists(path))
        {
            Assert.Fail(
                $"The snapshot '{path}' does not exist, and snapshots are not created on CI (CI=true). " +
                "Run the tests locally without CI=true to create it, review it, and commit it with the test.");
        }
    }
}
