using System.Collections.Concurrent;
using System.Diagnostics;
using MedicApp.Telemetry.Contracts;

namespace MedicApp.Api.Tests.Hosting;

/// <summary>
/// The reference API as a process of its own, started as it is deployed (<c>dotnet MedicApp.Api.dll</c> from its build
/// output, in Production) with the settings a test gives in its environment, so that a test can kill it outright.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private const string ListeningLine = "Now listening on: ";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ApiProcess(Process process) => _process = process;

    /// <summary>Gets the address the API listens on.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Gets what the process printed so far, for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts the API on a free loopback port and waits until it listens (its database migrated).</summary>
    public static async Task<ApiProcess> StartAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var folder = BuildOutput();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(folder, "MedicApp.Api.dll"));

        // The test's settings only: none that the test process happens to hold.
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("APPLICATIONINSIGHTS_CONNECTION_STRING");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var api = new ApiProcess(process);
        process.OutputDataReceived += (_, line) => api.Received(line.Data);
        process.ErrorDataReceived += (_, line) => api.Received(line.Data);
        process.Exited += (_, _) => api._listening.TrySetException(new InvalidOperationException($"The API exited before listening:\n{api.Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            api.Address = await api._listening.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            await api.DisposeAsync();
            throw new TimeoutException($"The API did not listen within {timeout}:\n{api.Output}");
        }

        return api;
    }

    /// <summary>Kills the process at once (SIGKILL on Linux): no shutdown, no flush, nothing it was doing completes.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return default;
    }

    // The API built beside this test project, in the same configuration: samples/MedicApp.Api/bin/<configuration>/<framework>.
    private static string BuildOutput()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var folder = Path.Combine(RepositoryRoot.Find(), "samples", "MedicApp.Api", "bin", tests.Parent!.Name, tests.Name);
        return File.Exists(Path.Combine(folder, "MedicApp.Api.dll"))
            ? folder
            : throw new InvalidOperationException($"The API is not built in {folder}: build tests/MedicApp.Api.Tests, which builds it.");
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        var at = line.IndexOf(ListeningLine, StringComparison.Ordinal);
        if (at >= 0)
        {
            _listening.TrySetResult(new Uri(line[(at + ListeningLine.Length)..].Trim()));
        }
    }
}
