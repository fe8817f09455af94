using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Signatures;

/// <summary>Which documents a patient must sign before the reflection period starts (Signatures:RequiredDocuments).</summary>
internal sealed class SignatureOptions
{
    public const string SectionName = "Signatures";

    public List<SignatureDocument> RequiredDocuments { get; } = [];

    public IReadOnlyCollection<SignatureDocument> Required => RequiredDocuments.Count > 0
        ? RequiredDocuments.Distinct().ToArray()
        : [SignatureDocument.Consent, SignatureDocument.Quote, SignatureDocument.CareContract];
}
