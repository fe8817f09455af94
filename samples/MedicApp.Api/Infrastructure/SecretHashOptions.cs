using System.Diagnostics.CodeAnalysis;

namespace MedicApp.Api.Infrastructure;

/// <summary>The server key of <see cref="SecretHash"/> (<c>Secrets:Key</c>): base64, at least 32 bytes.</summary>
internal sealed class SecretHashOptions
{
    public const string SectionName = "Secrets";

    public const int MinKeyBytes = 32;

    public const string KeyRule = "Secrets:Key must be base64 of at least 32 bytes (openssl rand -base64 32).";

    /// <summary>Gets or sets the key, base64; none draws one per process.</summary>
    public string? Key { get; set; }

    /// <summary>Reads the key's bytes; false when the setting cannot be one.</summary>
    public static bool TryDecode(string key, [NotNullWhen(true)] out byte[]? bytes)
    {
        var buffer = new byte[key.Length];
        bytes = Convert.TryFromBase64String(key, buffer, out var length) && length >= MinKeyBytes ? buffer[..length] : null;
        return bytes is not null;
    }
}
