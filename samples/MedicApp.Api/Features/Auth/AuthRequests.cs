namespace MedicApp.Api.Features.Auth;

/// <summary>A password login; neither field ever reaches telemetry or logs.</summary>
internal sealed record LoginRequest(string? Login, string? Password);

/// <summary>The multi-factor step: the challenge handed out at login and the code received.</summary>
internal sealed record MfaRequest(string? ChallengeId, string? Code);

/// <summary>The answer to a password login: the code was sent, enter it with this challenge.</summary>
internal sealed record MfaChallenge(string ChallengeId, MedicApp.Telemetry.Events.MfaMethod Method);

/// <summary>The answer to the multi-factor step: the login is complete, and its session's tokens.</summary>
internal sealed record SignedIn(Guid AccountId, Guid? PatientId, Sessions.SessionTokens Session);
