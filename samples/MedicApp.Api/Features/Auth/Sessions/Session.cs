using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Auth.Sessions;

/// <summary>
/// A signed-in session, checked on every request: its tokens are valid only while it is neither revoked nor over. The
/// tokens themselves are not stored; the refresh token that may be exchanged next is named by <see cref="RefreshTokenId"/>.
/// </summary>
internal sealed class Session
{
    public Guid Id { get; init; }

    public Guid AccountId { get; init; }

    public SessionOrigin Origin { get; init; }

    public DateTimeOffset IssuedAt { get; init; }

    /// <summary>The end of the session, refreshes included: the absolute lifetime.</summary>
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The one refresh token that may be exchanged next; each exchange names a new one.</summary>
    public Guid RefreshTokenId { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public SessionRevocationReason? RevokedReason { get; set; }
}
