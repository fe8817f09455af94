using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedicApp.Api.Infrastructure;

/// <summary>Writes <c>GET /health</c> as JSON: the overall status and each check's (the database's among them).</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(
            context.Response.Body,
            new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(static e => e.Key, static e => new { status = e.Value.Status.ToString(), durationMs = e.Value.Duration.TotalMilliseconds }),
            },
            cancellationToken: context.RequestAborted);
    }
}
