namespace MedicApp.Api.Features.InternalJobs;

/// <summary>What a job run did: how many patients it processed (each reported once, ever).</summary>
internal sealed record JobReport(string Job, int Processed, DateTimeOffset CheckedAt);
