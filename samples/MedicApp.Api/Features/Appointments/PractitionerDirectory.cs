using MedicApp.Api.Data;
using MedicApp.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MedicApp.Api.Features.Appointments;

/// <summary>
/// Checks the practitioner and clinic references a request body names against the practitioners MedicApp knows (a clinic
/// is known through the practitioners who consult there). A reference that names nothing is a validation error (400),
/// like any other bad field: whatever was typed in its place (a name, an email) is neither stored nor sent as telemetry.
/// The messages do not repeat the value.
/// </summary>
internal static class PractitionerDirectory
{
    /// <summary>The practitioner <paramref name="id"/> names; adds an error for <paramref name="field"/> when it names none.</summary>
    public static async Task<Practitioner?> FindPractitionerAsync(
        this RequestValidation validation, MedicAppDbContext db, string field, string? id, CancellationToken cancellationToken)
    {
        // Missing, too long or not text: Required() has said so already.
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || !RequestValidation.IsText(id))
        {
            return null;
        }

        var practitioner = await db.Practitioners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (practitioner is null)
        {
            validation.Add(field, $"The {field} is not the reference of a MedicApp practitioner (such as prac-0001).");
        }

        return practitioner;
    }

    /// <summary>
    /// Adds an error for <paramref name="field"/> when <paramref name="clinicId"/> names no clinic, and for
    /// <paramref name="practitionerField"/> when the practitioner does not consult at that clinic.
    /// </summary>
    public static async Task CheckClinicAsync(
        this RequestValidation validation, MedicAppDbContext db, string field, string? clinicId, string practitionerField, Practitioner? practitioner, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(clinicId) || clinicId.Length > 64 || !RequestValidation.IsText(clinicId))
        {
            return;
        }

        if (!await db.Practitioners.AnyAsync(p => p.ClinicId == clinicId, cancellationToken))
        {
            validation.Add(field, $"The {field} is not the reference of a MedicApp clinic (such as clinic-paris-8).");
        }
        else if (practitioner is not null && practitioner.ClinicId != clinicId)
        {
            validation.Add(practitionerField, $"The practitioner does not consult at this clinic.");
        }
    }
}
