using System;
using System.IO;
using System.Threading.Tasks;
using MedicApp.Telemetry.Tests.Pipeline;
using MedicApp.Telemetry.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Xunit;

namespace MedicApp.Telemetry.Tests.Sinks;

public sealed class LocalConsoleLineTests
{
    [Fact]
    public async Task ValueWithANewLine_CannotPrintAForgedEventLine()
    {
        var lines = await PrintUnitAsync("fr\n[telemetry] auth_login_success (LOG-15 v1) forged=1");

        var line = Assert.Single(lines);
        Assert.EndsWith(@" unit=""fr\n[telemetry] auth_login_success (LOG-15 v1) forged=1""", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr-FR", "fr-FR")]
    [InlineData(@"C:\temp", @"C:\temp")]
    [InlineData("é👍", "é👍")]
    [InlineData("", @"""""")]
    [InlineData("fr FR", @"""fr FR""")]
    [InlineData("fr channel=sms", @"""fr channel=sms""")]
    [InlineData("a=b", @"""a=b""")]
    [InlineData(@"say ""hi""", @"""say \""hi\""""")]
    [InlineData("a\\b c", @"""a\\b c""")]
    [InlineData("a\r\tb", @"""a\r\tb""")]
    [InlineData("\u001b[31mred", @"""\u001B[31mred""")]
    [InlineData("a\u2028b\u0085c", @"""a\u2028b\u0085c""")]
    [InlineData("\u202Eevil", @"""\u202Eevil""")]
    public async Task Value_IsPrintedAsIsOrQuotedAndEscaped(string value, string printed)
    {
        var lines = await PrintUnitAsync(value);

        Assert.EndsWith(" unit=" + printed, Assert.Single(lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HalfASurrogatePair_IsEscaped()
    {
        // Not in the theory: the test runner's serialization would replace the lone surrogate.
        var lines = await PrintUnitAsync("fr\ud83d");

        Assert.EndsWith(@" unit=""fr\uD83D""", Assert.Single(lines), StringComparison.Ordinal);
    }

    // A string without a declared shape: any text reaches the line, so the line must hold it safely.
    private static async Task<string[]> PrintUnitAsync(string unit)
    {
        var console = new StringWriter { NewLine = "\n" };
        var options = Options.Create(new MedicAppTelemetryOptions());
        using var health = new TelemetryHealth();
        await using (var sink = new LocalEventSink(options, health, console))
        {
            new ValueTypeEvents(TelemetryServices.Pipeline(sink, health, options)).OptionalValuesMeasured(unit, null, null, null, null, null, null);
        }

        return console.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
