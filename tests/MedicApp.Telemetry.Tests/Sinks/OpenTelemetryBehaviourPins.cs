using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using Xunit;

namespace MedicApp.Telemetry.Tests.Sinks;

/// <summary>
/// The behaviour of the OpenTelemetry SDK that the Application Insights sink relies on to stamp each event with the
/// time and trace context it was tracked with: a log processor's <c>OnEnd</c> runs inside <c>ILogger.Log</c>, on the
/// calling thread, before the batch exporter takes the record, and what it writes to the record is exported.
/// </summary>
public sealed class OpenTelemetryBehaviourPins
{
    [Fact]
    public async Task LogProcessor_OnEnd_RunsInsideLogOnTheCallingThreadAndItsChangesAreExported()
    {
        var stamped = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var processor = new ThreadRecorder(stamped);
        var exported = new List<DateTime>();
        using var factory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(options => options
            .AddProcessor(processor)
            .AddProcessor(new SimpleLogRecordExportProcessor(new InMemoryExporter(exported)))));
        var logger = factory.CreateLogger(string.Empty);

        var thread = await Task.Run(() =>
        {
            ThreadRecorder.InsideLog = true;
            logger.LogInformation("event");
            ThreadRecorder.InsideLog = false;
            return Environment.CurrentManagedThreadId;
        });

        Assert.True(
            processor.Thread == thread && processor.WasInsideLog,
            "OpenTelemetry no longer runs log processors inside ILogger.Log on the calling thread: ExporterPipeline's PendingEventProcessor "
            + "finds the event being sent through a [ThreadStatic]; give it the event another way (an attribute it reads back).");
        Assert.Equal(stamped, Assert.Single(exported));
    }

    private sealed class ThreadRecorder(DateTime stamp) : BaseProcessor<LogRecord>
    {
        [ThreadStatic]
        private static bool t_insideLog;

        public static bool InsideLog
        {
            get => t_insideLog;
            set => t_insideLog = value;
        }

        public int Thread { get; private set; }

        public bool WasInsideLog { get; private set; }

        public override void OnEnd(LogRecord data)
        {
            Thread = Environment.CurrentManagedThreadId;
            WasInsideLog = t_insideLog;
            data.Timestamp = stamp;
        }
    }

    // Keeps the time of each record as exported: records are pooled and reused once the export returns.
    private sealed class InMemoryExporter(List<DateTime> exported) : BaseExporter<LogRecord>
    {
        public override ExportResult Export(in Batch<LogRecord> batch)
        {
            foreach (var record in batch)
            {
                exported.Add(record.Timestamp);
            }

            return ExportResult.Success;
        }
    }
}
