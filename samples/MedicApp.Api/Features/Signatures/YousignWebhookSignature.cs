using System.Security.Cryptography;
using System.Text;

namespace MedicApp.Api.Features.Signatures;

/// <summary>
/// Yousign signs each webhook call: <c>X-Yousign-Signature-256: sha256=&lt;hex HMAC-SHA256 of the raw body&gt;</c>,
/// keyed with the webhook's secret. The check runs on the bytes received, in constant time.
/// </summary>
internal static class YousignWebhookSignature
{
    public const string HeaderName = "X-Yousign-Signature-256";
    private const string Prefix = "sha256=";

    public static string Compute(string secret, ReadOnlySpan<byte> body)
        => Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static bool IsValid(string secret, ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        Span<byte> received = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (Convert.FromHexString(header.AsSpan(Prefix.Length), received, out _, out var written) != System.Buffers.OperationStatus.Done || written != received.Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(received, expected);
    }
}
