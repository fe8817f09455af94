using System.Net.Mail;

namespace MedicApp.Api.Infrastructure;

/// <summary>Collects what is wrong with a request, field by field, into one validation problem (400).</summary>
internal sealed class RequestValidation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public RequestValidation Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    public RequestValidation Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, $"The {field} is required.");
        }

        return Optional(field, value, maxLength);
    }

    public RequestValidation Optional(string field, string? value, int maxLength)
        => value is null ? this
            : value.Length > maxLength ? Add(field, $"The {field} is longer than {maxLength} characters.")
            : !IsText(value) ? Add(field, $"The {field} holds a NUL character.")
            : this;

    /// <summary>Whether a database text column can hold <paramref name="value"/>: PostgreSQL refuses NUL characters, even in a query's parameter.</summary>
    public static bool IsText(string value) => !value.Contains('\0', StringComparison.Ordinal);

    public RequestValidation Required<T>(string field, T? value)
        where T : struct
        => value is null ? Add(field, $"The {field} is required.") : this;

    public RequestValidation Range(string field, int? value, int min, int max)
        => value is { } number && (number < min || number > max) ? Add(field, $"The {field} must be between {min} and {max}.") : this;

    public RequestValidation Email(string field, string? value)
    {
        Required(field, value, 254);
        return value is { Length: <= 254 } && !string.IsNullOrWhiteSpace(value) && !IsEmail(value)
            ? Add(field, $"The {field} is not an email address.")
            : this;
    }

    public IResult ToProblem()
        => Results.ValidationProblem(_errors.ToDictionary(static e => e.Key, static e => e.Value.ToArray(), StringComparer.Ordinal));

    private static bool IsEmail(string value)
        => MailAddress.TryCreate(value, out var address) && address.Address == value && address.Host.Contains('.', StringComparison.Ordinal);
}
