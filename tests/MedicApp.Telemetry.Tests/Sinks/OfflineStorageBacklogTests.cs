using System;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace MedicApp.Telemetry.Tests.Sinks;

/// <summary>How the sink reads its offline storage folder for the backlog gauges, on files named as the exporter names them.</summary>
public sealed class OfflineStorageBacklogTests : IDisposable
{
    private const string Event = "{\"name\":\"Event\",\"data\":{\"baseData\":{\"properties\":{\"event_id\":\"{0}\"}}}}";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("medicapp-backlog-reader-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Read_CountsTheEventsOfBlobsAndLeasedBlobs_AndDatesTheOldestThatHoldsEvents()
    {
        Write(Blob(TimeSpan.FromMinutes(3)), Events(2));
        Write(Blob(TimeSpan.FromMinutes(1)) + "@2026-03-02T100500.0000000Z.lock", Events(1));
        Write(Blob(TimeSpan.FromMinutes(2)) + ".tmp", Events(4));
        Write(Blob(TimeSpan.FromMinutes(9)), "{\"name\":\"Message\",\"data\":{\"baseData\":{\"message\":\"the application's own log\"}}}");
        var backlog = new OfflineStorageBacklog(_folder.FullName, _time);

        Assert.Equal((3L, TimeSpan.FromMinutes(3)), backlog.Read());
    }

    [Fact]
    public void Read_WithinTheCacheDuration_ReusesTheLastReading_ButAgesIt()
    {
        Write(Blob(TimeSpan.FromMinutes(1)), Events(2));
        var backlog = new OfflineStorageBacklog(_folder.FullName, _time);
        Assert.Equal((2L, TimeSpan.FromMinutes(1)), backlog.Read());

        Write(Blob(TimeSpan.Zero), Events(5));
        _time.Advance(OfflineStorageBacklog.CacheDuration - TimeSpan.FromTicks(1));
        Assert.Equal((2L, TimeSpan.FromMinutes(1) + OfflineStorageBacklog.CacheDuration - TimeSpan.FromTicks(1)), backlog.Read());

        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(7L, backlog.Read().Events);
    }

    [Fact]
    public void Read_OfAnEmptyOrMissingFolder_IsZero()
    {
        Assert.Equal((0L, TimeSpan.Zero), new OfflineStorageBacklog(_folder.FullName, _time).Read());
        Assert.Equal((0L, TimeSpan.Zero), new OfflineStorageBacklog(Path.Combine(_folder.FullName, "missing"), _time).Read());
    }

    private static string Events(int count)
        => string.Join('\n', Enumerable.Range(0, count).Select(static _ => Event.Replace("{0}", Guid.NewGuid().ToString(), StringComparison.Ordinal)));

    // A blob named, as the exporter names it, by the time it was written.
    private string Blob(TimeSpan age) => $"{(_time.GetUtcNow() - age).UtcDateTime:yyyy-MM-ddTHHmmss.fffffff}Z-{Guid.NewGuid():N}.blob";

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_folder.FullName, name), content);
}
