using System.Text;

namespace MedicApp.Api.Tests.Fuzzing;

/// <summary>A generated request: what is sent, and how a failure report shows it.</summary>
internal sealed record MalformedRequest(HttpMethod Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body, string? ContentType)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path);
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }

    public override string ToString()
    {
        var body = Body is null ? "no body" : Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300));
        return $"{Method} {(Path.Length > 200 ? Path[..200] + "…" : Path)} [{ContentType}] {string.Join(", ", Headers.Select(static h => h.Key))} {body}";
    }
}
