using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using MedicApp.Api.Features.InternalJobs;
using MedicApp.Api.Features.Signatures;
using MedicApp.Api.Tests.Hosting;
using MedicApp.Api.Tests.Telemetry;

namespace MedicApp.Api.Tests.Fuzzing;

/// <summary>
/// FsCheck generators of requests a careless client or an attacker sends, for every operation of the API's OpenAPI
/// document: route and query values of every shape and size, bodies that follow the declared schema with values out of
/// range or of the wrong type, truncated, deeply nested, not UTF-8 or not JSON, and the headers the API reads.
/// </summary>
internal static class MalformedRequests
{
    private static readonly Gen<string> Junk = Gen.Elements(
        "", " ", "null", "0", "-1", "1e999", "NaN", "true", "[]", "{}", "é", "😀", "\u0000", "\u202e", "%00", "%", "%zz", "..%2F..%2F",
        "' OR 1=1 --", "<script>", "${jndi:x}", "0193a6f6-0000-7000-8000-000000000000", "prac-0001", "clinic-paris-8", "fr-FR", "consent",
        "2026-02-30", "9999-12-31", "0001-01-01", "2026-12-02T09:00:00+01:00", "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00-14:00",
        "-9223372036854775808", "18446744073709551616", new string('x', 5_000), new string('9', 400));

    private static readonly Gen<string> AnyText = Gen.OneOf(Junk, ArbMap.Default.GeneratorFor<string>().Select(static s => s ?? ""));

    private static readonly Gen<JsonNode?> WrongValue = Gen.OneOf(
        AnyText.Select(static s => (JsonNode?)JsonValue.Create(s)),
        Gen.Elements<JsonNode?>(null, 0, -1, int.MaxValue, int.MinValue, long.MaxValue, 1e308, -1e308, 0.5, true, false),
        Gen.Constant(0).Select(static _ => (JsonNode?)new JsonArray(1, "a", null)),
        Gen.Constant(0).Select(static _ => (JsonNode?)new JsonObject { ["a"] = 1 }));

    /// <summary>
    /// Requests for <paramref name="operations"/>. <paramref name="ids"/> are ids of real records (a patient, a
    /// signature, an appointment, a prescription), so that most requests reach a handler and its checks.
    /// </summary>
    public static Gen<MalformedRequest> For(IReadOnlyList<HostileRequests.Operation> operations, JsonObject document, IReadOnlyList<string> ids)
    {
        var components = document["components"]?["schemas"]?.AsObject();
        return from operation in Gen.Elements(operations.ToArray())
               from path in PathOf(operation, document, ids)
               from query in QueryOf(operation, document, ids)
               from headers in Headers
               from body in BodyOf(operation, components, ids)
               select new MalformedRequest(operation.Method, path + query, headers, body.Bytes, body.ContentType);
    }

    private static Gen<string> PathOf(HostileRequests.Operation operation, JsonObject document, IReadOnlyList<string> ids)
    {
        var path = Gen.Constant(operation.Path);
        foreach (var name in operation.RouteParameters)
        {
            path = from p in path
                   from value in Text(ParameterSchema(document, operation, name), ids)
                   select p.Replace($"{{{name}}}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return path;
    }

    private static Gen<string> QueryOf(HostileRequests.Operation operation, JsonObject document, IReadOnlyList<string> ids)
    {
        var declared = operation.QueryParameters.Select(name => from value in Text(ParameterSchema(document, operation, name), ids) select $"{name}={Uri.EscapeDataString(value)}");
        var parameters = declared.Append(AnyText.Select(static value => $"unexpected={Uri.EscapeDataString(value)}"));
        var query = Gen.Constant(new List<string>());
        foreach (var parameter in parameters)
        {
            query = from list in query
                    from present in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false)))
                    from pair in parameter
                    select present ? [.. list, pair] : list;
        }

        return query.Select(static pairs => pairs.Count == 0 ? "" : "?" + string.Join('&', pairs));
    }

    private static JsonNode? ParameterSchema(JsonObject document, HostileRequests.Operation operation, string name)
        => document["paths"]?[operation.Path]?[operation.Method.Method.ToLowerInvariant()]?["parameters"]?.AsArray()
            .FirstOrDefault(p => (string?)p?["name"] == name)?["schema"];

    // A text for a string of this schema: mostly one it may hold (a real id, a date), sometimes one out of range or junk.
    private static Gen<string> Text(JsonNode? schema, IReadOnlyList<string> ids)
    {
        var likely = (string?)schema?["format"] switch
        {
            "uuid" => Gen.OneOf(Gen.Elements(ids.ToArray()), Gen.Fresh(static () => Guid.NewGuid().ToString())),
            "date" => Gen.Elements("2026-12-07", "2026-12-05", "9999-12-31", "0001-01-01", "2026-02-30", "20261207", "1999-12-31", "2100-01-01"),
            "date-time" => Gen.Elements("2026-12-07T09:00:00+01:00", "2026-12-07T08:00:00Z", "9999-12-31T23:30:00+00:00", "0001-01-01T00:00:00+00:00", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "2026-12-07T09:00:00+23:59"),
            _ => Gen.Elements("prac-0001", "prac-0003", "clinic-paris-8", "fr-FR", "consent", "patient", "pharmacy", "web", "signed", "other", "prac-0001\u0000"),
        };
        return Gen.Frequency((3, likely), (1, AnyText));
    }

    private static Gen<IReadOnlyList<KeyValuePair<string, string>>> Headers
        => from key in Gen.Elements<string?>(null, ApiHost.InternalKey, "wrong", new string('k', 10_000), "é")
           from signature in Gen.Elements<string?>(null, "sha256=", "sha256=zz", "sha256=" + new string('a', 64), "md5=1", new string('s', 9_000))
           from authorization in Gen.Elements<string?>(null, "Bearer", "Bearer " + new string('t', 6_000), "Basic !!!")
           select (IReadOnlyList<KeyValuePair<string, string>>)new[]
           {
               (InternalJobKeyFilter.HeaderName, key), (YousignWebhookSignature.HeaderName, signature), ("Authorization", authorization),
           }.Where(static h => h.Item2 is not null).Select(static h => KeyValuePair.Create(h.Item1, h.Item2!)).ToList();

    private static Gen<(byte[]? Bytes, string? ContentType)> BodyOf(HostileRequests.Operation operation, JsonObject? components, IReadOnlyList<string> ids)
    {
        var json = operation.BodySchema is { } schema ? Value(schema, components, ids, 0) : WrongValue;
        var text = json.Select(static node => node?.ToJsonString() ?? "null");
        var bytes = Gen.OneOf(
            text.Select(static s => Encoding.UTF8.GetBytes(s)),
            text.Select(static s => Encoding.UTF8.GetBytes(s)),
            text.Select(static s => Encoding.UTF8.GetBytes(s)),
            from s in text from cut in Gen.Choose(0, s.Length) select Encoding.UTF8.GetBytes(s[..cut]),
            from depth in Gen.Choose(65, 5_000) select Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)),
            from s in text select (byte[])[.. Encoding.UTF8.GetBytes(s), 0xC3, 0x28, 0xFF],
            AnyText.Select(static s => Encoding.UTF8.GetBytes(s)));
        return from body in Gen.OneOf(bytes.Select(static b => (byte[]?)b), Gen.Constant<byte[]?>(null))
               from type in Gen.Frequency(
                   (12, Gen.Constant<string?>("application/json")),
                   (1, Gen.Elements<string?>("application/json; charset=utf-16", "application/json; charset=utf-7", "application/json; charset=nonsense", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=zz", "application/json; charset=\"", null)))
               select (body, type);
    }

    // A value that follows the schema, each part of it out of range or of the wrong type at times.
    private static Gen<JsonNode?> Value(JsonNode schema, JsonObject? components, IReadOnlyList<string> ids, int depth)
    {
        if ((string?)schema["$ref"] is { } reference)
        {
            var resolved = components?[reference[(reference.LastIndexOf('/') + 1)..]];
            return resolved is null || depth > 4 ? WrongValue : Value(resolved, components, ids, depth + 1);
        }

        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray choices && choices.Count > 0)
        {
            return Gen.OneOf(choices.Select(c => Value(c!, components, ids, depth + 1)).ToArray());
        }

        var shaped = TypeOf(schema) switch
        {
            "object" or null when schema["properties"] is JsonObject properties => Object(properties, components, ids, depth),
            "array" => from count in Gen.Elements(0, 1, 2, 3, 300)
                       from items in Gen.ListOf(schema["items"] is { } items ? Value(items, components, ids, depth + 1) : WrongValue, count)
                       select (JsonNode?)new JsonArray([.. items.Select(static i => i?.DeepClone())]),
            "integer" or "number" => Gen.Elements<JsonNode?>(0, 1, -1, 50, 51, int.MaxValue, long.MaxValue, 1e308, 0.5),
            "boolean" => Gen.Elements<JsonNode?>(true, false),
            _ when schema["enum"] is JsonArray values => Gen.OneOf(Gen.Elements(values.Select(static v => v?.DeepClone()).ToArray()), AnyText.Select(static s => (JsonNode?)JsonValue.Create(s))),
            _ => Text(schema, ids).Select(static s => (JsonNode?)JsonValue.Create(s)),
        };
        return Gen.Frequency((6, shaped), (1, WrongValue));
    }

    private static Gen<JsonNode?> Object(JsonObject properties, JsonObject? components, IReadOnlyList<string> ids, int depth)
    {
        var filled = Gen.Constant(new List<KeyValuePair<string, JsonNode?>>());
        foreach (var (name, property) in properties)
        {
            filled = from list in filled
                     from present in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
                     from value in Value(property!, components, ids, depth + 1)
                     select present ? [.. list, KeyValuePair.Create(name, value)] : list;
        }

        // A generated node may stand in several samples: each object holds copies.
        return filled.Select(static list => (JsonNode?)new JsonObject(list.Select(static p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))));
    }

    // OpenAPI 3.1 writes a nullable type as ["string", "null"].
    private static string? TypeOf(JsonNode schema) => schema["type"] switch
    {
        JsonArray types => types.Select(static t => (string?)t).FirstOrDefault(static t => t != "null"),
        JsonValue type => (string?)type,
        _ => null,
    };
}
