using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace MedicApp.Telemetry.Tests.Packaging;

/// <summary>
/// A built consumer web application run as its own process: its console read line by line, stopped with SIGTERM as
/// App Service or a terminal's Ctrl+C would, so the host shuts down and its sinks flush.
/// </summary>
internal sealed class ConsumerApp : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _seen = [];

    private ConsumerApp(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Write(e.Data);
        _process.ErrorDataReceived += (_, e) => Write(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output => string.Join('\n', _seen);

    /// <summary>Starts <paramref name="assembly"/> in Development, listening on a free loopback port.</summary>
    public static ConsumerApp Start(string workingDirectory, string assembly)
    {
        var start = DotNetCli.StartInfo(workingDirectory, assembly, "--urls", "http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment.Remove("APPLICATIONINSIGHTS_CONNECTION_STRING");
        return new ConsumerApp(Process.Start(start)!);
    }

    /// <summary>
    /// Starts <paramref name="assembly"/> with <c>dotnet</c>, with only the given telemetry settings of its own (see
    /// <see cref="PublishedStartInfo"/>), listening on a free loopback port.
    /// </summary>
    public static ConsumerApp Start(string workingDirectory, string assembly, Dictionary<string, string> environment)
    {
        var start = WithSettings(DotNetCli.StartInfo(workingDirectory, assembly, "--urls", "http://127.0.0.1:0"), environment);
        return new ConsumerApp(Process.Start(start)!);
    }

    /// <summary>
    /// Starts a published executable (relative to <paramref name="workingDirectory"/>) with only the given settings of
    /// its own, listening on a free loopback port.
    /// </summary>
    public static ConsumerApp StartExecutable(string workingDirectory, string executable, Dictionary<string, string> environment)
    {
        var start = PublishedStartInfo(workingDirectory, executable, environment);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        return new ConsumerApp(Process.Start(start)!);
    }

    /// <summary>
    /// How to start a published executable with the given variables and none of the test run's own telemetry settings
    /// (<c>MedicAppTelemetry__…</c>, <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>), its output redirected.
    /// </summary>
    public static ProcessStartInfo PublishedStartInfo(string workingDirectory, string executable, Dictionary<string, string> environment)
        => WithSettings(
            new ProcessStartInfo(Path.Combine(workingDirectory, executable))
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            },
            environment);

    private static ProcessStartInfo WithSettings(ProcessStartInfo start, Dictionary<string, string> environment)
    {
        foreach (var inherited in start.Environment.Keys.Where(static k => k.StartsWith("MedicAppTelemetry", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            start.Environment.Remove(inherited);
        }

        start.Environment.Remove("APPLICATIONINSIGHTS_CONNECTION_STRING");
        foreach (var (variable, value) in environment)
        {
            start.Environment[variable] = value;
        }

        return start;
    }

    /// <summary>Reads the console until a line contains <paramref name="text"/>, and returns that line.</summary>
    public async Task<string> WaitForLineAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        try
        {
            await foreach (var line in _lines.Reader.ReadAllAsync(timeout.Token))
            {
                _seen.Add(line);
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new TimeoutException($"No line with '{text}' within {Deadline.TotalSeconds} s. Output:\n{Output}");
    }

    /// <summary>Kills the process with SIGKILL, as a crash or an out-of-memory kill would: nothing runs after it.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(Deadline);
    }

    /// <summary>Sends SIGTERM and waits for a graceful exit; returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await _process.WaitForExitAsync().WaitAsync(Deadline);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Write(string? line)
    {
        if (line is not null)
        {
            _lines.Writer.TryWrite(line);
        }
    }
}
