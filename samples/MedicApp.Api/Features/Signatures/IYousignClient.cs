using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Signatures;

/// <summary>Yousign's API, as far as the API uses it: creating a signature request for one document.</summary>
internal interface IYousignClient
{
    /// <summary>Creates and activates a signature request; returns Yousign's id for it.</summary>
    Task<string> CreateSignatureRequestAsync(Guid patientId, SignatureDocument document, CancellationToken cancellationToken);
}
