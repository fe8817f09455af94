namespace MedicApp.Telemetry.Events;

/// <summary>Who collects a signature.</summary>
public enum SignatureProvider
{
    /// <summary>Electronic signature through Yousign.</summary>
    Yousign,

    /// <summary>Handwritten or tablet signature at the clinic.</summary>
    Clinic,
}
