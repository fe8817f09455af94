using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace MedicApp.Telemetry.Tests.Infrastructure;

/// <summary>
/// A loopback HTTP server that speaks the Application Insights ingestion protocol: it takes
/// <c>POST /v2.1/track</c> with newline-delimited JSON envelopes and answers like the service does.
/// </summary>
internal sealed class IngestionServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<JsonObject> _envelopes = new();
    private readonly Task _loop;
    private readonly object _gate = new();
    private readonly List<(int Count, TaskCompletionSource Arrived)> _waiters = [];

    public IngestionServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Endpoint);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Endpoint { get; }

    public string ConnectionString => $"InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint={Endpoint}";

    public IReadOnlyList<JsonObject> Envelopes => _envelopes.ToArray();

    /// <summary>The <c>EventData</c> envelopes, that is the rows of <c>customEvents</c>.</summary>
    public IReadOnlyList<JsonObject> CustomEvents
        => Envelopes.Where(static e => (string?)e["data"]?["baseType"] == "EventData").ToArray();

    /// <summary>Completes when at least <paramref name="count"/> custom events have arrived, or fails after the timeout.</summary>
    public async Task WaitForCustomEventsAsync(int count, TimeSpan timeout)
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (CustomEvents.Count >= count)
            {
                return;
            }

            _waiters.Add((count, arrived));
        }

        await arrived.Task.WaitAsync(timeout);
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.GetAwaiter().GetResult();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var line in lines)
            {
                if (JsonNode.Parse(line) is JsonObject envelope)
                {
                    _envelopes.Enqueue(envelope);
                }
            }

            lock (_gate)
            {
                var received = CustomEvents.Count;
                foreach (var waiter in _waiters.Where(w => w.Count <= received).ToArray())
                {
                    waiter.Arrived.TrySetResult();
                    _waiters.Remove(waiter);
                }
            }

            var reply = Encoding.UTF8.GetBytes($"{{\"itemsReceived\":{lines.Length},\"itemsAccepted\":{lines.Length},\"errors\":[]}}");
            context.Response.StatusCode = 200;
            context.Response.KeepAlive = false;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(reply);
            context.Response.Close();
        }
    }
}
