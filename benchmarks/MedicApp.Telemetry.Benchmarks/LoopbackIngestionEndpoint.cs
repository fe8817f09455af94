using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MedicApp.Telemetry.Benchmarks;

/// <summary>
/// A loopback stand-in for the Application Insights ingestion endpoint: it accepts every envelope posted to it with
/// the answer the service gives (200, all items accepted) and counts the custom events, so that the real exporter runs
/// end to end with no network and no Azure, and a benchmark can check that every event arrived.
/// </summary>
/// <remarks>
/// It runs in the benchmark process, whose allocations BenchmarkDotNet counts on every thread, so it reads bodies into
/// one reused buffer and parses no JSON: what it allocates per request is shared by hundreds of events.
/// </remarks>
public sealed class LoopbackIngestionEndpoint : IDisposable
{
    private static readonly byte[] s_eventDataMarker = Encoding.UTF8.GetBytes("\"baseType\":\"EventData\"");

    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private byte[] _body = new byte[1 << 20];
    private long _customEvents;

    /// <summary>Starts listening on a free loopback port.</summary>
    public LoopbackIngestionEndpoint()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>Gets the ingestion endpoint, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public string Endpoint { get; }

    /// <summary>Gets a connection string that sends to this endpoint.</summary>
    public string ConnectionString => "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=" + Endpoint;

    /// <summary>Gets how many custom events (<c>EventData</c> envelopes) were accepted so far.</summary>
    public long CustomEvents => Interlocked.Read(ref _customEvents);

    /// <summary>Waits until at least <paramref name="count"/> custom events have arrived, or the deadline passes.</summary>
    /// <param name="count">The number of events expected.</param>
    /// <param name="deadline">How long to wait at most.</param>
    /// <returns>The number of custom events that arrived.</returns>
    public long WaitForCustomEvents(long count, TimeSpan deadline)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (CustomEvents < count && waited.Elapsed < deadline)
        {
            Thread.Sleep(10);
        }

        return CustomEvents;
    }

    /// <summary>Stops listening.</summary>
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
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }

            var length = await ReadBodyAsync(context.Request).ConfigureAwait(false);
            var body = _body.AsSpan(0, length);
            var items = body.Count((byte)'\n') + (length > 0 && body[^1] != (byte)'\n' ? 1 : 0);
            Interlocked.Add(ref _customEvents, Count(body, s_eventDataMarker));

            var reply = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"itemsReceived\":{items},\"itemsAccepted\":{items},\"errors\":[]}}"));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = reply.Length;
            await context.Response.OutputStream.WriteAsync(reply).ConfigureAwait(false);
            context.Response.Close();
        }
    }

    private async Task<int> ReadBodyAsync(HttpListenerRequest request)
    {
        var stream = request.InputStream;
        var length = 0;
        int read;
        while ((read = await stream.ReadAsync(_body.AsMemory(length)).ConfigureAwait(false)) > 0)
        {
            length += read;
            if (length == _body.Length)
            {
                Array.Resize(ref _body, _body.Length * 2);
            }
        }

        return length;
    }

    private static int Count(ReadOnlySpan<byte> body, ReadOnlySpan<byte> marker)
    {
        var count = 0;
        int at;
        while ((at = body.IndexOf(marker)) >= 0)
        {
            count++;
            body = body[(at + marker.Length)..];
        }

        return count;
    }
}
