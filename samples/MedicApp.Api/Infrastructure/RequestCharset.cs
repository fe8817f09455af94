using Microsoft.Net.Http.Headers;

namespace MedicApp.Api.Infrastructure;

/// <summary>
/// Refuses a body whose Content-Type names a charset .NET cannot decode (<c>charset=utf-7</c>, a typo) with 415: the
/// endpoints' JSON binding would throw on it, a 500 for the client's mistake.
/// </summary>
internal static class RequestCharset
{
    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType) && mediaType.Charset.HasValue && !IsKnown(mediaType))
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The request's charset is not supported.", detail: "Send UTF-8.")
                .ExecuteAsync(context);
        }

        return next(context);
    }

    // Unknown names give null; UTF-7, which .NET refuses to decode, throws.
    private static bool IsKnown(MediaTypeHeaderValue mediaType)
    {
        try
        {
            return mediaType.Encoding is not null;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }
}
