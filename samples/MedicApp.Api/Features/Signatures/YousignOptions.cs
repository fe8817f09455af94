namespace MedicApp.Api.Features.Signatures;

/// <summary>The Yousign settings: the secret Yousign signs its webhooks with (Yousign:WebhookSecret).</summary>
internal sealed class YousignOptions
{
    public const string SectionName = "Yousign";

    /// <summary>Gets or sets the webhook secret; without one the webhook answers 503 and accepts nothing.</summary>
    public string? WebhookSecret { get; set; }
}
