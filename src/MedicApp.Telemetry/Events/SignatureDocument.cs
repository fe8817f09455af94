namespace MedicApp.Telemetry.Events;

/// <summary>The kind of document signed.</summary>
public enum SignatureDocument
{
    /// <summary>Informed consent form.</summary>
    Consent,

    /// <summary>Cost estimate.</summary>
    Quote,

    /// <summary>Care contract.</summary>
    CareContract,

    /// <summary>Medical questionnaire (its answers are never sent).</summary>
    MedicalQuestionnaire,
}
