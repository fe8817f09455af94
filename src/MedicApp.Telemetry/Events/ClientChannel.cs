namespace MedicApp.Telemetry.Events;

/// <summary>Where the patient or user acted from.</summary>
public enum ClientChannel
{
    /// <summary>The web application.</summary>
    Web,

    /// <summary>The mobile application.</summary>
    MobileApp,

    /// <summary>At the clinic, entered by its staff.</summary>
    Clinic,

    /// <summary>Over the phone, entered by the call centre.</summary>
    Phone,

    /// <summary>Through a partner integration.</summary>
    Partner,
}
