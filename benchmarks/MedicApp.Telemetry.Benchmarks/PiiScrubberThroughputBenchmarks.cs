using System;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace MedicApp.Telemetry.Benchmarks;

/// <summary>
/// <see cref="PiiScrubber"/> on texts of 100,000 and 1,000,000 characters: log text, a stack trace and prose without
/// personal values (throughput), and inputs built to make a scanner go back over what it read, one per trigger and
/// anchor (a linear scanner takes the same time per character at both sizes). The minimum is shown next to the mean: on
/// a shared machine it is the figure that other processes did not slow down.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class PiiScrubberThroughputBenchmarks
{
    [Params(100_000, 1_000_000)]
    public int Size { get; set; }

    [Params("log text", "stack trace", "prose", "dotted words", "digit groups", "at signs", "token heads", "hex and colons",
        "equals", "credential names", "percents", "provider prefixes", "token words", "key blocks", "birth words", "uri credentials", "one-time codes", "json keys")]
    public string Input { get; set; } = "";

    private string _text = "";

    [GlobalSetup]
    public void SetUp() => _text = Input switch
    {
        "log text" => Repeat("2026-11-24T09:14:03.221Z INF Appointment 9f1c2e4b-7a3d-4e5f-8b6a-0c1d2e3f4a5b booked for slot 14:30 in 184 ms, status 201, order CMD-2024-000123. "),
        "stack trace" => Repeat("System.InvalidOperationException: The appointment cannot be moved once the reflection period has started.\n" +
            "   at MedicApp.Api.Features.Appointments.MoveEndpoint.HandleAsync(MoveRequest request, CancellationToken cancellationToken) in /src/MedicApp.Api/Features/Appointments/MoveEndpoint.cs:line 57\n" +
            "   at Microsoft.AspNetCore.Http.RequestDelegateFactory.ExecuteTaskResult[T](Task`1 task, HttpContext httpContext)\n"),
        "prose" => Repeat("Le patient a confirmé son rendez-vous avec le praticien ; the session was stored, a reminder is sent the day before. "),
        "dotted words" => Repeat("a.b-c."),
        "digit groups" => Repeat("1 2 "),
        "at signs" => Repeat("a@b."),
        "token heads" => Repeat("eyJ-"),
        "hex and colons" => Repeat("ab:"),
        "equals" => Repeat("key=a="),
        "credential names" => Repeat("auth:a=b="),
        "percents" => Repeat("%20%40"),
        "provider prefixes" => Repeat("sk_live_"),
        "token words" => Repeat("token "),
        "key blocks" => Repeat("-----BEGIN "),
        "birth words" => Repeat("né le 12/03/"),
        "uri credentials" => Repeat("x://a:b@"),
        "one-time codes" => Repeat("MFA code 1234 "),
        "json keys" => Repeat("\"akey\":\"a"),
        _ => throw new ArgumentOutOfRangeException(nameof(Input)),
    };

    [Benchmark]
    public string Scrub() => PiiScrubber.Default.Scrub(_text);

    private string Repeat(string unit)
    {
        var builder = new StringBuilder(Size + unit.Length);
        while (builder.Length < Size)
        {
            builder.Append(unit);
        }

        return builder.ToString(0, Size);
    }
}
