namespace MedicApp.Api.Features.Drill;

/// <summary>
/// The MON-07 drill's endpoints (Drill:Enabled): off by default, so that they do not exist (404) until an operator opens
/// them on an environment for a drill. They are guarded by <c>X-Internal-Key</c> like the jobs.
/// </summary>
internal sealed class DrillOptions
{
    public const string SectionName = "Drill";

    /// <summary>Gets or sets a value indicating whether the drill endpoints are mapped.</summary>
    public bool Enabled { get; set; }
}
