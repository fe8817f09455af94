using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using MedicApp.Telemetry.Events;

namespace MedicApp.Telemetry.Benchmarks;

/// <summary>
/// The cost, on the caller's thread, of making a business event durable before the tracking call returns, by appending
/// it to a local journal: written only, written and fsynced, written through, or fsynced once per group of events.
/// The baseline is today's path: the generated call with the Application Insights sink, which only queues the event.
/// </summary>
/// <remarks>
/// Every row tracks the same <c>patient_registered</c> event with the generated <see cref="EventTracker"/>; the journal
/// rows have the journal as their only sink. Each iteration tracks <see cref="TrackerUnderTest.EventsPerIteration"/>
/// events, fewer than any queue holds, and is flushed afterwards. The global cleanup fails the run unless the pipeline
/// lost nothing and the journal, read back, holds one line per event tracked.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(TrackerUnderTest.EventsPerIteration)]
public class DurableJournalBenchmarks
{
    private const string Locale = TrackerUnderTest.Locale;

    // A segment is closed and a new one started between iterations once it passes this size: a run appends gigabytes.
    private const long SegmentBytes = 64L << 20;

    private readonly string[] _patientIds = TrackerUnderTest.PatientIds;
    private int _next;

    private TrackerUnderTest? _generated;
    private EventTracker _tracker = null!;
    private JournalEventSink? _journal;
    private string? _directory;

    /// <summary>Sets up the generated tracker over the Application Insights sink, sending to a loopback endpoint.</summary>
    [GlobalSetup(Target = nameof(GeneratedCall_ApplicationInsightsSink))]
    public void SetUpApplicationInsightsSink()
    {
        _generated = TrackerUnderTest.WithApplicationInsights();
        _tracker = _generated.Tracker;
        TrackerUnderTest.WarmUp(GeneratedCall_ApplicationInsightsSink, Flush);
    }

    /// <summary>Sets up the journal that writes each line without waiting for the disk.</summary>
    [GlobalSetup(Target = nameof(GeneratedCall_JournalWrite))]
    public void SetUpJournalWrite() => SetUpJournal(JournalDurability.Write, GeneratedCall_JournalWrite);

    /// <summary>Sets up the journal that fsyncs each line.</summary>
    [GlobalSetup(Target = nameof(GeneratedCall_JournalWriteAndFsync))]
    public void SetUpJournalWriteAndFsync() => SetUpJournal(JournalDurability.WriteAndFsync, GeneratedCall_JournalWriteAndFsync);

    /// <summary>Sets up the journal opened with <see cref="FileOptions.WriteThrough"/>.</summary>
    [GlobalSetup(Target = nameof(GeneratedCall_JournalWriteThrough))]
    public void SetUpJournalWriteThrough() => SetUpJournal(JournalDurability.WriteThrough, GeneratedCall_JournalWriteThrough);

    /// <summary>Sets up the journal that fsyncs once per group of events.</summary>
    [GlobalSetup(Target = nameof(GeneratedCall_JournalFsyncEvery64))]
    public void SetUpJournalFsyncEvery64() => SetUpJournal(JournalDurability.WriteAndFsyncPerGroup, GeneratedCall_JournalFsyncEvery64);

    /// <summary>Today's path: the generated call, with the Application Insights sink queuing the event.</summary>
    [Benchmark(Baseline = true)]
    public void GeneratedCall_ApplicationInsightsSink()
        => _tracker.PatientRegistered(_patientIds[NextPatient()], ClientChannel.Web, Locale);

    /// <summary>The generated call and the journal line written: survives the process being killed.</summary>
    [Benchmark]
    public void GeneratedCall_JournalWrite()
        => _tracker.PatientRegistered(_patientIds[NextPatient()], ClientChannel.Web, Locale);

    /// <summary>The generated call, the journal line written and fsynced: survives a power loss.</summary>
    [Benchmark]
    public void GeneratedCall_JournalWriteAndFsync()
        => _tracker.PatientRegistered(_patientIds[NextPatient()], ClientChannel.Web, Locale);

    /// <summary>The generated call and the journal line written through to the disk (<c>O_SYNC</c>): survives a power loss.</summary>
    [Benchmark]
    public void GeneratedCall_JournalWriteThrough()
        => _tracker.PatientRegistered(_patientIds[NextPatient()], ClientChannel.Web, Locale);

    /// <summary>The generated call and the journal line written, with an fsync every 64 events: the amortized cost of group commit.</summary>
    [Benchmark]
    public void GeneratedCall_JournalFsyncEvery64()
        => _tracker.PatientRegistered(_patientIds[NextPatient()], ClientChannel.Web, Locale);

    /// <summary>Sends or syncs everything the iteration tracked, and starts a new journal segment when the current one is full.</summary>
    [IterationCleanup]
    public void Flush()
    {
        _generated?.Flush();
        _journal?.RollOverPast(SegmentBytes);
    }

    /// <summary>Fails the run if an event was lost or is missing from the journal, then deletes the journal.</summary>
    [GlobalCleanup]
    public void VerifyNothingWasLost()
    {
        try
        {
            var tracked = _generated?.VerifyNothingWasLost();
            if (_journal is not null)
            {
                var lines = _journal.CountLines();
                TrackerUnderTest.Require(lines == tracked, $"{tracked} events tracked, {lines} lines in the journal");
                Console.WriteLine($"// Journal: {lines} lines, {_journal.BytesWritten / lines} bytes each");
            }
        }
        finally
        {
            _generated?.Dispose();
            _journal?.Dispose();
            if (_directory is not null)
            {
                Directory.Delete(_directory, recursive: true);
            }
        }
    }

    private void SetUpJournal(JournalDurability durability, Action benchmark)
    {
        _directory = DiskFolder.CreateTemporary("medicapp-journal-");
        _journal = new JournalEventSink(_directory, durability);
        _generated = TrackerUnderTest.WithOnlySink(_journal);
        _tracker = _generated.Tracker;
        TrackerUnderTest.WarmUp(benchmark, Flush);
    }

    private int NextPatient() => _next++ & (TrackerUnderTest.Patients - 1);
}
