using System.Globalization;

namespace MedicApp.Telemetry;

/// <summary>A request to the ingestion endpoint that did not deliver all of its events.</summary>
/// <param name="Status">The HTTP status of the answer, or 0 when no answer came (network error, timeout).</param>
/// <param name="Events">How many events were not accepted.</param>
internal readonly record struct TransmissionFailure(int Status, int Events)
{
    /// <summary>
    /// Gets whether the exporter keeps the events in its offline storage to send them again: the statuses it retries,
    /// and no answer at all. Other statuses (400, 401, 403, …) are final.
    /// </summary>
    public bool IsRetried => Status is 0 or 206 or 408 or 429 or 439 or 500 or 502 or 503 or 504;

    /// <summary>Gets the outcome in a few words.</summary>
    public string Outcome => Status == 0 ? "no answer from the ingestion endpoint" : string.Create(CultureInfo.InvariantCulture, $"the ingestion endpoint answered HTTP {Status}");
}
