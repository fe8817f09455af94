namespace MedicApp.Api.Data;

/// <summary>
/// An entity whose row carries a version, a concurrency token that every saved change increments: of two requests that
/// read the row and change it at once, the second to save fails with <c>DbUpdateConcurrencyException</c> instead of
/// overwriting the first, and runs again on what the first saved (<see cref="LostRaceRetry"/>).
/// </summary>
internal interface IVersioned
{
    /// <summary>Gets or sets the version: incremented by <see cref="MedicAppDbContext"/> on every save that changes the row.</summary>
    int Version { get; set; }
}
