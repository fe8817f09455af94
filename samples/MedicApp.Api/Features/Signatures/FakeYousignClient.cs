using System.Collections.Concurrent;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Signatures;

/// <summary>
/// Yousign in-process, for development, the demo and tests: requests get an id as Yousign would give, and are kept so
/// that a caller can play Yousign's part and post the signed webhook.
/// </summary>
internal sealed class FakeYousignClient : IYousignClient
{
    private readonly ConcurrentDictionary<string, (Guid PatientId, SignatureDocument Document)> _requests = new();

    public IReadOnlyDictionary<string, (Guid PatientId, SignatureDocument Document)> Requests => _requests;

    public Task<string> CreateSignatureRequestAsync(Guid patientId, SignatureDocument document, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("D");
        _requests[id] = (patientId, document);
        return Task.FromResult(id);
    }
}
