namespace MedicApp.Api.Drill;

/// <summary>A drill step the target refused, with what to do about it.</summary>
internal sealed class DrillException(string message) : Exception(message);
