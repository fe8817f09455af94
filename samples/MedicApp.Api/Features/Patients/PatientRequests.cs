using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;

namespace MedicApp.Api.Features.Patients;

/// <summary>The registration form. Email, phone and password create the account and never reach telemetry.</summary>
internal sealed record RegisterPatientRequest(string? Email, string? Phone, string? Password, ClientChannel? Channel, string? Locale);

/// <summary>A verification link's token or a code received by SMS.</summary>
internal sealed record VerificationRequest(string? Secret);

/// <summary>The medical file: health data, stored and never sent. Three sections are required, the others optional.</summary>
internal sealed record MedicalFileRequest(
    string? MedicalHistory,
    string? Allergies,
    string? CurrentTreatments,
    string? PreviousSurgeries,
    string? Lifestyle,
    int? DocumentsUploaded,
    ClientChannel? Channel)
{
    public const int MaxSectionLength = 4_000;
    public const int MaxJsonLength = 5 * MaxSectionLength * 2;

    public int SectionsCompleted => new[] { MedicalHistory, Allergies, CurrentTreatments, PreviousSurgeries, Lifestyle }.Count(static s => !string.IsNullOrWhiteSpace(s));
}
