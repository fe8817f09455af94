using System.Globalization;

namespace MedicApp.Telemetry;

/// <summary>Events of a request to the ingestion endpoint that were not delivered, with one outcome.</summary>
/// <param name="Status">The HTTP status of the answer, or 0 when no answer came (network error, timeout).</param>
/// <param name="Events">How many events share this outcome.</param>
/// <param name="IsRetried">
/// Whether the exporter keeps the events in its offline storage to send them again (see <see cref="ForAnswer"/> and
/// <see cref="IsRetriedItemStatus"/>); otherwise the outcome is final.
/// </param>
internal readonly record struct TransmissionFailure(int Status, int Events, bool IsRetried)
{
    private const int PartialSuccessStatus = 206;

    /// <summary>Gets the outcome in a few words.</summary>
    public string Outcome => Status switch
    {
        0 => "no answer from the ingestion endpoint",
        PartialSuccessStatus when IsRetried => "the ingestion endpoint refused them in a partial success (HTTP 206) with a status to retry",
        PartialSuccessStatus => "the ingestion endpoint refused them for good in a partial success (HTTP 206)",
        _ => string.Create(CultureInfo.InvariantCulture, $"the ingestion endpoint answered HTTP {Status}"),
    };

    /// <summary>
    /// The events of a whole request that was not accepted: the exporter retries no answer at all and the statuses
    /// 408, 429, 439, 401, 403, 500, 502, 503 and 504; other statuses (400, 402, …) are final.
    /// </summary>
    public static TransmissionFailure ForAnswer(int status, int events)
        => new(status, events, status is 0 or 401 or 403 or 408 or 429 or 439 or 500 or 502 or 503 or 504);

    /// <summary>
    /// Gets whether the exporter retries one item refused in a partial success: a narrower list than for a whole
    /// request (401, 403, 502 and 504 items are dropped).
    /// </summary>
    public static bool IsRetriedItemStatus(int status) => status is 408 or 429 or 439 or 500 or 503;
}
