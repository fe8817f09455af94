namespace MedicApp.Telemetry;

/// <summary>Options of the pseudonymization of identifiers (section <c>MedicAppTelemetry:Pseudonymization</c>).</summary>
public sealed class PseudonymizationOptions
{
    /// <summary>The key id used in Development when no key is configured and events stay local.</summary>
    public const string DevelopmentKeyId = "dev";

    /// <summary>
    /// Gets or sets the secret HMAC key, base64, at least 32 bytes once decoded. Required outside Development, and in
    /// Development too once an Application Insights connection string is set: the fixed development key is public.
    /// Keep it out of source: on Azure App Service, an application setting
    /// <c>MedicAppTelemetry__Pseudonymization__Key</c> that references Key Vault
    /// (<c>@Microsoft.KeyVault(SecretUri=…)</c>).
    /// </summary>
    public string? Key { get; set; }

    /// <summary>
    /// Gets or sets the id of <see cref="Key"/>, 1 to 8 lower-case letters or digits, which prefixes every pseudonym.
    /// Change it whenever the key changes. Default: <c>k1</c>.
    /// </summary>
    public string KeyId { get; set; } = "k1";

    /// <summary>Gets or sets how many recent identifiers of each kind are cached. Default: 4096.</summary>
    public int CacheSize { get; set; } = 4096;
}
