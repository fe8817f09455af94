namespace MedicApp.Api.Features.Auth.Sessions;

/// <summary>How long access tokens and sessions last (Auth:AccessTokenLifetime, Auth:SessionLifetime).</summary>
internal sealed class SessionPolicy
{
    public const string SectionName = "Auth";

    /// <summary>Gets or sets how long an access token is accepted: short, since it is sent with every request.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets how long a session lasts at most: refreshing renews the access token, not the session.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);
}
