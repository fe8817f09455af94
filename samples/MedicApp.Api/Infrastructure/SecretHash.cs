using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MedicApp.Api.Infrastructure;

/// <summary>
/// One-time secrets (verification links, codes): generated here, stored as an HMAC-SHA256 with a server key, compared in
/// constant time. A six-digit code has a million values: without the key, a copy of the database would give every code
/// back in a million hashes; with it, the stored values tell nothing.
/// </summary>
internal sealed class SecretHash
{
    private readonly byte[] _key;

    public SecretHash(IOptions<SecretHashOptions> options, ILogger<SecretHash> logger)
    {
        if (options.Value.Key is { } configured)
        {
            _key = SecretHashOptions.TryDecode(configured, out var key) ? key : throw new InvalidOperationException(SecretHashOptions.KeyRule);
            return;
        }

        // The embedded default: links and codes sent before a restart are refused after it.
        _key = RandomNumberGenerator.GetBytes(SecretHashOptions.MinKeyBytes);
        logger.LogWarning("No {Setting} is set: verification links and codes are hashed with a key drawn for this process, and those sent before a restart will be refused.", $"{SecretHashOptions.SectionName}:Key");
    }

    public static string NewToken() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public string Of(string secret) => Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(secret)));

    public bool Matches(string? secret, string? hash)
        => secret is not null && hash is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Of(secret)), Encoding.ASCII.GetBytes(hash));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
