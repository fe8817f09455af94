namespace MedicApp.Api.Features.InternalJobs;

/// <summary>
/// What a job call did: how many patients it processed (each reported once, ever), and whether more were waiting beyond
/// its batch (<see cref="InternalJobOptions.BatchSize"/>), for which the caller calls again.
/// </summary>
internal sealed record JobReport(string Job, int Processed, bool More, DateTimeOffset CheckedAt);
