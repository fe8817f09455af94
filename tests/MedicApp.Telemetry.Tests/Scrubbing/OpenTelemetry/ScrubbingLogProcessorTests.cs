using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using Xunit;

#pragma warning disable CA1873 // The values given to the log calls are what these tests look at.

namespace MedicApp.Telemetry.Tests.Scrubbing.OpenTelemetry;

/// <summary>Log records through a real OpenTelemetry logger provider: the scrubbing processor, then a recording one.</summary>
public sealed class ScrubbingLogProcessorTests : IDisposable
{
    private readonly RecordingProcessor _recorded = new();
    private readonly ILoggerFactory _loggers;

    public ScrubbingLogProcessorTests()
        => _loggers = LoggerFactory.Create(logging => logging.AddOpenTelemetry(options =>
        {
            options.IncludeFormattedMessage = true;
            options.AddProcessor(new ScrubbingLogProcessor(PiiScrubber.Default));
            options.AddProcessor(_recorded);
        }));

    public void Dispose() => _loggers.Dispose();

    [Fact]
    public void TemplateFields_AndFormattedMessage_AreScrubbed()
    {
        _loggers.CreateLogger("Registration").LogInformation("Patient {Email} registered with NIR {Nir} and {Count} documents", "jeanne.martin@example.fr", "2 84 05 75 123 456 72", 3);

        var record = Assert.Single(_recorded.Records);
        Assert.Equal("Patient [email] registered with NIR [nir] and 3 documents", record.FormattedMessage);
        Assert.Equal("[email]", record.Attributes["Email"]);
        Assert.Equal("[nir]", record.Attributes["Nir"]);
        Assert.Equal(3, record.Attributes["Count"]);
        Assert.Equal("Patient {Email} registered with NIR {Nir} and {Count} documents", record.Attributes["{OriginalFormat}"]);
    }

    // An interpolated string puts the value in the template itself.
    [Fact]
    public void InterpolatedMessage_HasItsTemplateScrubbed()
    {
        var phone = "06 12 34 56 78";
#pragma warning disable CA2254 // The point of this test is a message that is not a constant template.
        _loggers.CreateLogger("Sms").LogWarning($"SMS to {phone} failed");
#pragma warning restore CA2254

        var record = Assert.Single(_recorded.Records);
        Assert.Equal("SMS to [phone] failed", record.FormattedMessage);
        Assert.Equal("SMS to [phone] failed", record.Attributes["{OriginalFormat}"]);
        Assert.Equal("SMS to [phone] failed", record.Body);
    }

    [Fact]
    public void Exception_IsReplacedByAScrubbedCopyAndTheApplicationsOwnIsUntouched()
    {
        var exception = new InvalidOperationException("IBAN FR76 3000 6000 0112 3456 7890 189 refused");

        _loggers.CreateLogger("Payments").LogError(exception, "Refund failed");

        var record = Assert.Single(_recorded.Records);
        Assert.Equal("System.InvalidOperationException", record.ExceptionType);
        Assert.Equal("IBAN [iban] refused", record.ExceptionMessage);
        Assert.Equal("IBAN FR76 3000 6000 0112 3456 7890 189 refused", exception.Message);
    }

    [Fact]
    public void ObjectField_IsScrubbedThroughItsText()
    {
        _loggers.CreateLogger("Contacts").LogInformation("Contact {Contact}", new Contact("Jeanne", "jeanne.martin@example.fr"));

        var record = Assert.Single(_recorded.Records);
        Assert.Equal("Contact { Name = Jeanne, Email = [email] }", record.Attributes["Contact"]);
    }

    private sealed record Contact(string Name, string Email);

    // Records are pooled and reused by the SDK: what the test reads is copied when the record passes.
    private sealed class RecordingProcessor : BaseProcessor<LogRecord>
    {
        public List<Recorded> Records { get; } = [];

        public override void OnEnd(LogRecord data)
            => Records.Add(new Recorded(
                data.FormattedMessage,
                data.Body,
                (data.Attributes ?? []).ToDictionary(static a => a.Key, static a => a.Value),
                data.Exception?.GetType().FullName,
                data.Exception?.Message));
    }

    private sealed record Recorded(string? FormattedMessage, string? Body, Dictionary<string, object?> Attributes, string? ExceptionType, string? ExceptionMessage);
}
