namespace MedicApp.Api.Features.Auth.Sessions;

/// <summary>
/// A session's tokens, as the client keeps them: the access token goes in <c>Authorization: Bearer …</c>, the refresh
/// token to <c>POST /auth/refresh</c> before the access token expires. Neither is ever logged or tracked.
/// </summary>
internal sealed record SessionTokens(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken, DateTimeOffset SessionExpiresAt);

/// <summary>A refresh token to exchange for new tokens.</summary>
internal sealed record RefreshRequest(string? RefreshToken);
