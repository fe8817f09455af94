namespace MedicApp.Api.Features.Auth;

/// <summary>What became of a multi-factor code entered.</summary>
internal enum MfaOutcome
{
    Accepted,
    Wrong,
    Expired,
    Locked,
}
