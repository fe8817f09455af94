using System.Security.Cryptography;
using System.Text;

namespace MedicApp.Api.Infrastructure;

/// <summary>One-time secrets (verification links, codes): generated here, stored as hashes, compared in constant time.</summary>
internal static class SecretHash
{
    public static string NewToken() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static string Of(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string? secret, string? hash)
        => secret is not null && hash is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Of(secret)), Encoding.ASCII.GetBytes(hash));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
