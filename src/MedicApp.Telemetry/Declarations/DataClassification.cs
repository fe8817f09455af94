namespace MedicApp.Telemetry;

/// <summary>The privacy classification of an event property: what the SDK does to it before it leaves the process.</summary>
public enum DataClassification
{
    /// <summary>Not personal: sent as is (a channel, a count, a state).</summary>
    NotPersonal,

    /// <summary>An identifier of a person: replaced by a keyed HMAC-SHA256 pseudonym before it is sent.</summary>
    Pseudonymized,

    /// <summary>Free text that may hold personal values: passed through the text scrubber before it is sent.</summary>
    FreeText,

    /// <summary>Personal or health data: never sent. The generator rejects it as an event property (MEDTEL0011).</summary>
    PersonalData,
}
