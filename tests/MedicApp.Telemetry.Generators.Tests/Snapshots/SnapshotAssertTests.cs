using System.IO;
using MedicApp.Tests.Shared;
using Snapshooter.Xunit;
using Xunit;
using Xunit.Sdk;

namespace MedicApp.Telemetry.Generators.Tests.Snapshots;

/// <summary>The CI guard of <see cref="SnapshotAssert"/>: a missing snapshot fails instead of being created.</summary>
public sealed class SnapshotAssertTests
{
    [Fact]
    public void SnapshotAssert_MissingSnapshotOnCi_FailsWithoutCreatingIt()
    {
        var path = SnapshotAssert.SnapshotPath(Snapshot.FullName());
        Assert.False(File.Exists(path), $"This test must have no snapshot: delete '{path}'.");

        var failure = Assert.Throws<FailException>(() => SnapshotAssert.Match("never stored", failWhenMissing: true));

        Assert.Contains(path, failure.Message, System.StringComparison.Ordinal);
        Assert.Contains("CI=true", failure.Message, System.StringComparison.Ordinal);
        Assert.Contains("Run the tests locally", failure.Message, System.StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void SnapshotAssert_FullName_IsTheTestClassAndMethodInTheSnapshotsFolderBesideThisFile()
    {
        var path = SnapshotAssert.SnapshotPath(Snapshot.FullName());

        Assert.Equal(
            Path.Combine(ThisDirectory(), "__snapshots__", nameof(SnapshotAssertTests) + "." + nameof(SnapshotAssert_FullName_IsTheTestClassAndMethodInTheSnapshotsFolderBesideThisFile) + ".snap"),
            path);
    }

    private static string ThisDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
