using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Auth.Access;

/// <summary>What an endpoint protects, for the refusals it reports.</summary>
internal sealed record ProtectedResourceMetadata(ProtectedResource Resource);
