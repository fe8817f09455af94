using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedicApp.Api.Features.InternalJobs;

namespace MedicApp.Api.Drill;

/// <summary>Sends the drill's requests to the target, and turns what it refuses into what the operator must fix.</summary>
internal sealed class DrillClient(HttpClient http, string key, TextWriter output, string? session = null)
{
    /// <summary>The same client, sending <paramref name="accessToken"/> as its session.</summary>
    public DrillClient As(string accessToken) => new(http, key, output, accessToken);

    public Task<JsonElement> PostAsync(string path, object? body, params HttpStatusCode[] expected)
        => SendAsync(HttpMethod.Post, path, body, expected);

    public Task<JsonElement> PutAsync(string path, object body, params HttpStatusCode[] expected)
        => SendAsync(HttpMethod.Put, path, body, expected);

    public Task<JsonElement> GetAsync(string path, params HttpStatusCode[] expected)
        => SendAsync(HttpMethod.Get, path, null, expected);

    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, params HttpStatusCode[] expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (path.StartsWith("/internal/", StringComparison.Ordinal))
        {
            request.Headers.Add(InternalJobKeyFilter.HeaderName, key);
        }

        if (session is not null)
        {
            request.Headers.Authorization = new("Bearer", session);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request);
        }
        catch (HttpRequestException exception)
        {
            throw new DrillException($"{http.BaseAddress} cannot be reached ({exception.Message}): check --target.");
        }
        catch (TaskCanceledException)
        {
            throw new DrillException($"{method} {path} did not answer within {http.Timeout.TotalSeconds:0} s: check that the API is up (its /health).");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            output.WriteLine($"    {method} {path} → {(int)response.StatusCode}");
            if (!expected.Contains(response.StatusCode))
            {
                throw new DrillException(Explain(path, response.StatusCode, text));
            }

            return response.Content.Headers.ContentType?.MediaType is "application/json" or "application/problem+json" && text.Length > 0
                ? JsonSerializer.Deserialize<JsonElement>(text)
                : default;
        }
    }

    private static string Explain(string path, HttpStatusCode status, string body) => (path.StartsWith("/internal/", StringComparison.Ordinal), status) switch
    {
        (true, HttpStatusCode.Unauthorized) => $"{path} refused the key (401): --key must be the API's {InternalJobKeyFilter.VariableName}.",
        (true, HttpStatusCode.ServiceUnavailable) => $"{path} answered 503: the API has no {InternalJobKeyFilter.VariableName}; set it, and pass the same value with --key.",
        (true, HttpStatusCode.NotFound) when path.StartsWith("/internal/drill/", StringComparison.Ordinal)
            => $"{path} answered 404: the drill endpoints are closed; set the application setting Drill__Enabled=true on the API for the drill, and remove it after.",
        _ => $"{path} answered {(int)status}: {body}",
    };
}
