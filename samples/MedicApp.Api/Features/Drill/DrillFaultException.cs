namespace MedicApp.Api.Features.Drill;

/// <summary>The server error that <c>POST /internal/drill/fault</c> raises on purpose, for ALERT-04, MON-02 and MON-04.</summary>
internal sealed class DrillFaultException() : Exception("A server error raised on purpose by the MON-07 drill.");
