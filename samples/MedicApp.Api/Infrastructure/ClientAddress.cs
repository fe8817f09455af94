namespace MedicApp.Api.Infrastructure;

/// <summary>The caller's IP address, as the brute-force alerts count it (pseudonymized by the tracker before it is sent).</summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
