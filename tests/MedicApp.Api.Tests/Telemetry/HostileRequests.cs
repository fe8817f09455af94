using System.Text;
using System.Text.Json.Nodes;
using MedicApp.Api.Features.InternalJobs;
using MedicApp.Api.Features.Signatures;

namespace MedicApp.Api.Tests.Telemetry;

/// <summary>
/// Requests that put one personal value in every place of an operation that accepts text, built from the API's own
/// OpenAPI document so that a new endpoint or field is covered without touching the test: its route, query string,
/// headers, and its body typed as declared, ill-typed, or not JSON at all.
/// </summary>
internal static class HostileRequests
{
    /// <summary>An operation of the OpenAPI document.</summary>
    public sealed record Operation(HttpMethod Method, string Path, IReadOnlyList<string> RouteParameters, IReadOnlyList<string> QueryParameters, JsonNode? BodySchema);

    public static IReadOnlyList<Operation> Operations(JsonObject document)
    {
        var operations = new List<Operation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var parameters = operation!["parameters"]?.AsArray().Select(static p => p!).ToList() ?? [];
                operations.Add(new Operation(
                    HttpMethod.Parse(method),
                    path,
                    parameters.Where(static p => (string?)p["in"] == "path").Select(static p => (string)p["name"]!).ToList(),
                    parameters.Where(static p => (string?)p["in"] == "query").Select(static p => (string)p["name"]!).ToList(),
                    operation["requestBody"]?["content"]?["application/json"]?["schema"]));
            }
        }

        return operations;
    }

    /// <summary>
    /// The requests for <paramref name="operation"/> and <paramref name="value"/>: the value in the route and query
    /// string; the value in a body that reaches the handler (route values set by <paramref name="routeValue"/>), typed,
    /// then ill-typed; the value as a body that is not JSON. Every one carries the value in its headers too. A value
    /// the scrubber cannot find is sent in bodies only.
    /// </summary>
    public static IEnumerable<HttpRequestMessage> For(Operation operation, PersonalValue value, JsonObject document, Func<string, string> routeValue)
    {
        var components = document["components"]?["schemas"]?.AsObject();
        var body = operation.BodySchema is { } schema ? Fill(schema, components, value.Text, illTyped: false, depth: 0) : new JsonObject { ["note"] = value.Text };

        if (value.Findable)
        {
            yield return Request(operation, value, _ => value.Text, query: true, Json(body));
        }

        yield return Request(operation, value, routeValue, query: false, Json(body));
        if (operation.BodySchema is { } declared)
        {
            yield return Request(operation, value, routeValue, query: false, Json(Fill(declared, components, value.Text, illTyped: true, depth: 0)));
        }

        yield return Request(operation, value, routeValue, query: value.Findable, new StringContent(value.Text, Encoding.UTF8, "text/plain"));
        yield return Request(operation, value, routeValue, query: false, new StringContent($"{{\"note\": \"{value.Text}\", ", Encoding.UTF8, "application/json"));
    }

    private static HttpRequestMessage Request(Operation operation, PersonalValue value, Func<string, string> routeValue, bool query, HttpContent body)
    {
        var path = operation.Path;
        foreach (var name in operation.RouteParameters)
        {
            path = path.Replace($"{{{name}}}", Uri.EscapeDataString(routeValue(name)), StringComparison.Ordinal);
        }

        if (query)
        {
            var names = operation.QueryParameters.Append("contact").Append("q");
            path += "?" + string.Join('&', names.Select(n => $"{n}={Uri.EscapeDataString(value.Text)}"));
        }

        var request = new HttpRequestMessage(operation.Method, path) { Content = body };
        if (!value.Findable)
        {
            return request;
        }

        var headers = request.Headers;
        headers.TryAddWithoutValidation("User-Agent", $"MedicAppClient/1.0 ({value.Text})");
        headers.TryAddWithoutValidation("Referer", $"https://medicapp.example/contact?who={Uri.EscapeDataString(value.Text)}");
        headers.TryAddWithoutValidation("X-Forwarded-For", value.Text);
        headers.TryAddWithoutValidation("Cookie", $"session={Uri.EscapeDataString(value.Text)}");
        headers.TryAddWithoutValidation(InternalJobKeyFilter.HeaderName, value.Text);
        headers.TryAddWithoutValidation(YousignWebhookSignature.HeaderName, value.Text);
        return request;
    }

    private static StringContent Json(JsonNode? body) => new(body?.ToJsonString() ?? "null", Encoding.UTF8, "application/json");

    /// <summary>
    /// A body that follows <paramref name="schema"/> with the value in every string; ill-typed, the value stands for the
    /// numbers and booleans too. Every object gets one more, undeclared property holding the value.
    /// </summary>
    private static JsonNode? Fill(JsonNode schema, JsonObject? components, string value, bool illTyped, int depth)
    {
        if ((string?)schema["$ref"] is { } reference)
        {
            var resolved = components?[reference[(reference.LastIndexOf('/') + 1)..]];
            return resolved is null || depth > 4 ? JsonValue.Create(value) : Fill(resolved, components, value, illTyped, depth + 1);
        }

        if ((schema["oneOf"] ?? schema["anyOf"]) is { } choices)
        {
            return choices.AsArray().Select(c => Fill(c!, components, value, illTyped, depth + 1)).FirstOrDefault(static n => n is not null);
        }

        switch (TypeOf(schema))
        {
            case "object" or null when schema["properties"] is JsonObject properties:
                var filled = new JsonObject { ["note"] = value };
                foreach (var (name, property) in properties)
                {
                    filled[name] = Fill(property!, components, value, illTyped, depth + 1);
                }

                return filled;
            case "array":
                return new JsonArray(schema["items"] is { } items ? Fill(items, components, value, illTyped, depth + 1) : JsonValue.Create(value));
            case "integer" or "number":
                return illTyped ? JsonValue.Create(value) : JsonValue.Create(1);
            case "boolean":
                return illTyped ? JsonValue.Create(value) : JsonValue.Create(true);
            default:
                return JsonValue.Create(value);
        }
    }

    // OpenAPI 3.1 writes a nullable type as ["string", "null"].
    private static string? TypeOf(JsonNode schema) => schema["type"] switch
    {
        JsonArray types => types.Select(static t => (string?)t).FirstOrDefault(static t => t != "null"),
        JsonValue type => (string?)type,
        _ => null,
    };
}
