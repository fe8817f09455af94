using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedicApp.Monitoring.Tests.Bicep;

/// <summary>
/// Evaluates the ARM template expressions of resource names and properties (<c>[format('…', variables('jobs')[copyIndex()].path)]</c>)
/// the way Azure Resource Manager expands them, for the functions the templates use. Anything else throws, so that a
/// new construct makes the tests grow rather than pass unchecked.
/// </summary>
internal sealed class ArmExpression
{
    private readonly JsonElement _template;
    private readonly IReadOnlyDictionary<string, JsonNode?> _parameters;
    private readonly int? _copyIndex;
    private readonly IReadOnlyDictionary<string, int> _named;
    private readonly string _text;
    private int _position;

    private ArmExpression(JsonElement template, IReadOnlyDictionary<string, JsonNode?> parameters, int? copyIndex, IReadOnlyDictionary<string, int> named, string text)
        => (_template, _parameters, _copyIndex, _named, _text) = (template, parameters, copyIndex, named, text);

    /// <summary>A template value: a literal, or an expression between brackets (<c>[[</c> escapes a literal bracket).</summary>
    /// <param name="value">The value.</param>
    /// <param name="template">The template that declares it.</param>
    /// <param name="parameters">The template's parameters.</param>
    /// <param name="copyIndex">The iteration of the resource's loop, for <c>copyIndex()</c>.</param>
    /// <param name="named">The iterations of the property loops around the value, for <c>copyIndex('name')</c>.</param>
    public static JsonNode? Evaluate(JsonElement value, JsonElement template, IReadOnlyDictionary<string, JsonNode?> parameters, int? copyIndex = null, IReadOnlyDictionary<string, int>? named = null)
        => value.ValueKind == JsonValueKind.String ? EvaluateString(value.GetString()!, template, parameters, copyIndex, named ?? s_none) : JsonNode.Parse(value.GetRawText());

    private static readonly Dictionary<string, int> s_none = [];

    /// <summary>
    /// A template value with the expressions inside it evaluated, property loops (<c>copy</c>) expanded. What only Azure
    /// knows at deployment (<c>reference()</c> of a resource) becomes <see cref="AtDeployment"/>.
    /// </summary>
    public static JsonNode? EvaluateDeep(JsonElement value, JsonElement template, IReadOnlyDictionary<string, JsonNode?> parameters, int? copyIndex = null, IReadOnlyDictionary<string, int>? named = null)
    {
        named ??= s_none;
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var result = new JsonObject();
                foreach (var property in value.EnumerateObject())
                {
                    if (property.Name == "copy" && property.Value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var loop in property.Value.EnumerateArray())
                        {
                            var name = loop.GetProperty("name").GetString()!;
                            var count = Evaluate(loop.GetProperty("count"), template, parameters, copyIndex, named)!.GetValue<int>();
                            result[name] = new JsonArray([.. Enumerable.Range(0, count).Select(i => EvaluateDeep(loop.GetProperty("input"), template, parameters, copyIndex, new Dictionary<string, int>(named) { [name] = i }))]);
                        }
                    }
                    else
                    {
                        result[property.Name] = EvaluateDeep(property.Value, template, parameters, copyIndex, named);
                    }
                }

                return result;
            case JsonValueKind.Array:
                return new JsonArray([.. value.EnumerateArray().Select(item => EvaluateDeep(item, template, parameters, copyIndex, named))]);
            default:
                try
                {
                    return Evaluate(value, template, parameters, copyIndex, named);
                }
                catch (DeploymentValueException)
                {
                    return JsonValue.Create(AtDeployment);
                }
        }
    }

    /// <summary>What <see cref="EvaluateDeep"/> shows for a value Azure knows only at deployment.</summary>
    public const string AtDeployment = "(at deployment)";

    private static JsonNode? EvaluateString(string text, JsonElement template, IReadOnlyDictionary<string, JsonNode?> parameters, int? copyIndex, IReadOnlyDictionary<string, int> named)
    {
        if (text.StartsWith("[[", StringComparison.Ordinal) || !text.StartsWith('[') || !text.EndsWith(']'))
        {
            return JsonValue.Create(text.StartsWith("[[", StringComparison.Ordinal) ? text[1..] : text);
        }

        var expression = new ArmExpression(template, parameters, copyIndex, named, text[1..^1]);
        var result = expression.Parse();
        expression.Skip();
        return expression._position == expression._text.Length ? result : throw expression.Error("unexpected text");
    }

    private JsonNode? Parse()
    {
        Skip();
        JsonNode? value;
        if (Peek() == '\'')
        {
            value = JsonValue.Create(ReadString());
        }
        else if (char.IsAsciiDigit(Peek()) || Peek() == '-')
        {
            var start = _position++;
            while (char.IsAsciiDigit(Peek()))
            {
                _position++;
            }

            value = JsonValue.Create(int.Parse(_text[start.._position], CultureInfo.InvariantCulture));
        }
        else
        {
            var start = _position;
            while (char.IsAsciiLetterOrDigit(Peek()))
            {
                _position++;
            }

            var name = _text[start.._position];
            Expect('(');
            var arguments = new List<JsonNode?>();
            Skip();
            while (Peek() != ')')
            {
                arguments.Add(Parse());
                Skip();
                if (Peek() == ',')
                {
                    _position++;
                }
            }

            _position++;
            value = Call(name, arguments);
        }

        // Member and index access: variables('jobs')[copyIndex()].path
        while (true)
        {
            Skip();
            if (Peek() == '[')
            {
                _position++;
                var index = Parse();
                Expect(']');
                value = index is JsonValue number && number.TryGetValue<int>(out var i) ? value!.AsArray()[i] : value!.AsObject()[index!.GetValue<string>()];
            }
            else if (Peek() == '.')
            {
                _position++;
                var start = _position;
                while (char.IsAsciiLetterOrDigit(Peek()) || Peek() == '_')
                {
                    _position++;
                }

                value = value!.AsObject()[_text[start.._position]];
            }
            else
            {
                return value?.DeepClone();
            }
        }
    }

    private JsonNode? Call(string name, List<JsonNode?> arguments) => name.ToLowerInvariant() switch
    {
        "variables" => Variable(arguments[0]!.GetValue<string>()),
        "parameters" => _parameters.TryGetValue(arguments[0]!.GetValue<string>(), out var parameter) ? parameter?.DeepClone() : throw Error($"no value for parameter {arguments[0]}"),
        "copyindex" => JsonValue.Create(LoopIndex(arguments.Count > 0 && arguments[0] is JsonValue loop && loop.TryGetValue<string>(out var named) ? named : null)
            + (arguments.Count > 0 && arguments[^1] is JsonValue offset && offset.TryGetValue<int>(out var by) ? by : 0)),
        "format" => JsonValue.Create(Format(arguments[0]!.GetValue<string>(), arguments.Skip(1).Select(Text).ToArray())),
        "concat" => JsonValue.Create(string.Concat(arguments.Select(Text))),
        "tolower" => JsonValue.Create(Text(arguments[0]).ToLowerInvariant()),
        "length" => JsonValue.Create(arguments[0] is JsonArray array ? array.Count : Text(arguments[0]).Length),
        "split" => new JsonArray([.. Text(arguments[0]).Split(Text(arguments[1])).Select(static part => (JsonNode?)JsonValue.Create(part))]),
        "last" => arguments[0] is JsonArray items ? items[^1]?.DeepClone() : JsonValue.Create(Text(arguments[0])[^1..]),

        // What Azure computes from ids: only the shape matters to a name.
        "guid" => JsonValue.Create(new Guid(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', arguments.Select(Text))))[..16]).ToString()),
        "uniquestring" => JsonValue.Create("a1b2c3d4e5f6g"),
        "resourceid" => JsonValue.Create("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/" + string.Join('/', arguments.Select(Text))),
        "extensionresourceid" => JsonValue.Create($"{Text(arguments[0])}/providers/{string.Join('/', arguments.Skip(1).Select(Text))}"),
        "subscriptionresourceid" => JsonValue.Create("/subscriptions/00000000-0000-0000-0000-000000000000/providers/" + string.Join('/', arguments.Select(Text))),
        "resourcegroup" => new JsonObject { ["name"] = "rg", ["location"] = "francecentral", ["id"] = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg" },
        "json" => JsonNode.Parse(Text(arguments[0])),
        "createobject" => new JsonObject(arguments.Chunk(2).Select(static pair => KeyValuePair.Create(Text(pair[0]), pair[1]?.DeepClone()))),
        "createarray" => new JsonArray([.. arguments.Select(static item => item?.DeepClone())]),
        "string" => JsonValue.Create(Text(arguments[0])),
        "int" => JsonValue.Create(int.Parse(Text(arguments[0]), CultureInfo.InvariantCulture)),
        "empty" => JsonValue.Create(arguments[0] switch { null => true, JsonArray a => a.Count == 0, JsonObject o => o.Count == 0, _ => Text(arguments[0]).Length == 0 }),
        "if" => (arguments[0]!.GetValue<bool>() ? arguments[1] : arguments[2])?.DeepClone(),
        "null" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        "mul" => JsonValue.Create(arguments[0]!.GetValue<int>() * arguments[1]!.GetValue<int>()),
        "div" => JsonValue.Create(arguments[0]!.GetValue<int>() / arguments[1]!.GetValue<int>()),
        "mod" => JsonValue.Create(arguments[0]!.GetValue<int>() % arguments[1]!.GetValue<int>()),

        // Known only once Azure deploys: a resource's runtime properties, another deployment's outputs.
        "reference" or "listkeys" => throw new DeploymentValueException(_text),
        _ => throw Error($"the function {name}() is not evaluated: teach ArmExpression what Azure makes of it"),
    };

    // copyIndex() is the resource's loop; copyIndex('parts') the property loop of that name around the value.
    private int LoopIndex(string? loop)
        => loop is null ? _copyIndex ?? throw Error("copyIndex() outside a loop")
            : _named.TryGetValue(loop, out var index) ? index : throw Error($"copyIndex('{loop}') outside that loop");

    private JsonNode? Variable(string name)
    {
        var value = _template.GetProperty("variables").GetProperty(name);
        return Resolve(value);
    }

    // A variable's value may hold expressions anywhere inside it.
    private JsonNode? Resolve(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => EvaluateString(value.GetString()!, _template, _parameters, _copyIndex, _named),
        JsonValueKind.Array => new JsonArray([.. value.EnumerateArray().Select(Resolve)]),
        JsonValueKind.Object => new JsonObject(value.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Resolve(p.Value)))),
        _ => JsonNode.Parse(value.GetRawText()),
    };

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    private static string Format(string format, string[] arguments)
        => string.Format(CultureInfo.InvariantCulture, format, arguments);

    private string ReadString()
    {
        var builder = new StringBuilder();
        _position++;
        while (true)
        {
            if (_position >= _text.Length)
            {
                throw Error("unterminated string");
            }

            if (_text[_position] == '\'')
            {
                if (Peek(1) == '\'')
                {
                    builder.Append('\'');
                    _position += 2;
                    continue;
                }

                _position++;
                return builder.ToString();
            }

            builder.Append(_text[_position++]);
        }
    }

    private void Expect(char c)
    {
        Skip();
        if (Peek() != c)
        {
            throw Error($"'{c}' expected");
        }

        _position++;
    }

    private void Skip()
    {
        while (Peek() == ' ')
        {
            _position++;
        }
    }

    private char Peek(int ahead = 0) => _position + ahead < _text.Length ? _text[_position + ahead] : '\0';

    private InvalidOperationException Error(string message) => new($"[{_text}] at {_position}: {message}");
}
