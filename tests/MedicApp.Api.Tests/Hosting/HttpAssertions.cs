using System.Net.Http.Json;
using System.Net;
using System.Text.Json;

namespace MedicApp.Api.Tests.Hosting;

/// <summary>Sends JSON and checks the status, showing the body when it is not the one expected.</summary>
internal static class HttpAssertions
{
    public static async Task<JsonElement> SendAsync(this HttpClient client, HttpMethod method, string path, object? body, HttpStatusCode expected, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path} answered {(int)response.StatusCode} instead of {(int)expected}: {text}");
        return text.Length > 0 && response.Content.Headers.ContentType?.MediaType is "application/json" or "application/problem+json"
            ? JsonSerializer.Deserialize<JsonElement>(text)
            : default;
    }

    public static Task<JsonElement> PostAsync(this HttpClient client, string path, object? body, HttpStatusCode expected)
        => client.SendAsync(HttpMethod.Post, path, body, expected);

    public static Task<JsonElement> PutAsync(this HttpClient client, string path, object? body, HttpStatusCode expected)
        => client.SendAsync(HttpMethod.Put, path, body, expected);

    public static Task<JsonElement> GetAsync(this HttpClient client, string path, HttpStatusCode expected)
        => client.SendAsync(HttpMethod.Get, path, null, expected);

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;
}
