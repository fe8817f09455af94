namespace MedicApp.Api.Infrastructure;

/// <summary>What a message to a patient is for.</summary>
internal enum MessagePurpose
{
    EmailVerification,
    PhoneVerification,
    MfaCode,
}
