namespace MedicApp.Api.Features.InternalJobs;

/// <summary>How much one call of an internal job does.</summary>
internal sealed class InternalJobOptions
{
    public const string SectionName = "InternalJobs";

    public const int MaxBatchSize = 10_000;

    /// <summary>
    /// Gets or sets how many patients one call reports at most (default 200). A bounded call answers well within the
    /// 120 seconds a Consumption Logic App waits for an HTTP action; the answer's <c>more</c> tells the caller to call
    /// again, and the schedules do until it is false.
    /// </summary>
    public int BatchSize { get; set; } = 200;
}
