using MedicApp.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace MedicApp.Api.Features.Auth.Access;

/// <summary>
/// Which patients a session reaches: a patient their own record; clinic staff and practitioners the patients who came to
/// their clinic, with a signature or an appointment there.
/// </summary>
internal static class PatientAccess
{
    public static async Task<bool> ReachesAsync(this MedicAppDbContext db, Caller caller, Guid patientId, CancellationToken cancellationToken)
    {
        if (caller.Is(patientId))
        {
            return true;
        }

        if (caller.ClinicId is not { } clinic || !caller.IsStaffOf(clinic))
        {
            return false;
        }

        return await db.SignatureRequests.AnyAsync(s => s.PatientId == patientId && s.ClinicId == clinic, cancellationToken)
            || await db.Appointments.AnyAsync(a => a.PatientId == patientId && a.ClinicId == clinic, cancellationToken);
    }
}
