namespace MedicApp.Api.Features.Lookup;

/// <summary>What a pseudonym turned out to name.</summary>
internal enum LookupKind
{
    /// <summary>A patient's id (patient_id).</summary>
    Patient,

    /// <summary>An account's id (account_id).</summary>
    Account,

    /// <summary>One of the client addresses given (client_ip).</summary>
    ClientAddress,

    /// <summary>Nothing this API can name: see the result's detail.</summary>
    Unknown,

    /// <summary>A pseudonym made with another key than the API's.</summary>
    OtherKey,
}
