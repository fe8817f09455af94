using System.Text.Json.Serialization;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Signatures;

/// <summary>The part of Yousign's webhook body the API reads: the event and the signature request it is about.</summary>
internal sealed record YousignWebhook(
    [property: JsonPropertyName("event_name")] string? EventName,
    [property: JsonPropertyName("data")] YousignWebhookData? Data)
{
    /// <summary>How the request ended, for the three events that end one; null for the others, which are acknowledged and ignored.</summary>
    public SignatureOutcome? Outcome => EventName switch
    {
        "signature_request.done" => SignatureOutcome.Signed,
        "signature_request.declined" => SignatureOutcome.Declined,
        "signature_request.expired" => SignatureOutcome.Expired,
        _ => null,
    };
}

/// <summary>The webhook's data.</summary>
internal sealed record YousignWebhookData([property: JsonPropertyName("signature_request")] YousignWebhookRequest? SignatureRequest);

/// <summary>The signature request a webhook is about.</summary>
internal sealed record YousignWebhookRequest([property: JsonPropertyName("id")] string? Id);

[JsonSerializable(typeof(YousignWebhook))]
internal sealed partial class YousignWebhookJson : JsonSerializerContext;
