using System.Globalization;
using System.Text.Json;

namespace MedicApp.Api.Drill;

/// <summary>
/// <c>dotnet run --project samples/MedicApp.Api -- drill --target https://… --key …</c>: MON-07 on a deployed environment.
/// Raises each alert once, prints them with when their mails are due, and writes them as JSON lines (<c>--out</c>,
/// default drill-{time}.jsonl in the current folder) for the operator to tick off. The API must run with
/// Drill__Enabled=true and the key given (its INTERNAL_JOBS_KEY).
/// </summary>
internal static class DrillCommand
{
    public const string Usage = "usage: drill --target <API base URL> --key <INTERNAL_JOBS_KEY> [--out <file.jsonl>]";

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        output ??= Console.Out;
        var options = Parse(args);
        if (options is null)
        {
            output.WriteLine(Usage);
            return 2;
        }

        var (target, key, path) = options.Value;
        using var http = new HttpClient { BaseAddress = target, Timeout = TimeSpan.FromSeconds(100) };
        IReadOnlyList<DrillExpectation> expected;
        try
        {
            expected = await new DrillScenario(new DrillClient(http, key, output), TimeProvider.System, output).RunAsync();
        }
        catch (DrillException exception)
        {
            output.WriteLine($"Drill stopped: {exception.Message}");
            return 1;
        }

        await File.WriteAllLinesAsync(path, expected.Select(static e => JsonSerializer.Serialize(e, JsonSerializerOptions.Web)));
        output.WriteLine();
        output.WriteLine("Expected alerts (tick each mail as it arrives; docs/MONITORING.md, MON-07):");
        foreach (var e in expected)
        {
            output.WriteLine($"  [ ] {e.Alert,-45} by {e.ExpectedBy:HH:mm} UTC  ({e.Cause})");
        }

        output.WriteLine($"Written to {Path.GetFullPath(path)}");
        return 0;
    }

    private static (Uri Target, string Key, string Out)? Parse(string[] args)
    {
        string? target = null, key = null, path = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--target": target = args[i + 1]; break;
                case "--key": key = args[i + 1]; break;
                case "--out": path = args[i + 1]; break;
                default: return null;
            }
        }

        return args.Length % 2 == 0 && Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(key)
            ? (uri, key, path ?? $"drill-{DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.jsonl")
            : null;
    }
}
