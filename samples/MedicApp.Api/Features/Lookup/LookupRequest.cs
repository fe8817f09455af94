namespace MedicApp.Api.Features.Lookup;

/// <summary>
/// Pseudonyms read in an alert or a query, and optionally client addresses to test them against: an address cannot be
/// recovered from its pseudonym, since the API keeps none, but a candidate (from App Service's access logs) can be confirmed.
/// </summary>
internal sealed record LookupRequest(string[]? Pseudonyms, string[]? Addresses)
{
    /// <summary>The most pseudonyms, and the most addresses, one request takes: an alert's worth, not an export.</summary>
    public const int MaxItems = 50;
}
