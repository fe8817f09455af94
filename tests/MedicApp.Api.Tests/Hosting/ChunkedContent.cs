using System.Net;

namespace MedicApp.Api.Tests.Hosting;

/// <summary>A body whose length is not announced: HttpClient sends it in chunks, without a Content-Length.</summary>
internal sealed class ChunkedContent(byte[] bytes) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
