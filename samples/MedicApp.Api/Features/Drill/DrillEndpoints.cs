using MedicApp.Api.Features.Auth.Access;
using System.Security.Cryptography;
using MedicApp.Api.Data;
using MedicApp.Api.Features.Auth;
using MedicApp.Telemetry.Events;
using Microsoft.AspNetCore.Identity;
using MedicApp.Api.Features.InternalJobs;
using MedicApp.Api.Features.Journey;
using MedicApp.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedicApp.Api.Features.Drill;

/// <summary>
/// What the MON-07 drill needs from a deployed API and cannot get as a client: a server error on demand, the secrets sent
/// to its own patients, and time, which it moves back on its own patients instead of waiting days. Mapped only when
/// Drill:Enabled is true, and guarded by X-Internal-Key.
/// </summary>
internal static class DrillEndpoints
{
    public static IEndpointRouteBuilder MapDrill(this IEndpointRouteBuilder routes)
    {
        if (!routes.ServiceProvider.GetRequiredService<IOptions<DrillOptions>>().Value.Enabled)
        {
            return routes;
        }

        var drill = routes.MapGroup("/internal/drill").WithTags("Drill").AddEndpointFilter<InternalJobKeyFilter>()
            .AllowAnonymousBecause(InternalJobKeyFilter.AnonymousReason);
        drill.MapPost("/fault", static IResult () => throw new DrillFaultException())
            .WithSummary("Answers 500 through an unhandled exception, on purpose (ALERT-04, MON-02, MON-04).");
        drill.MapGet("/messages", GetMessages)
            .WithSummary("The last link and codes sent to a drill contact (an address at drill.medicapp.invalid, a phone 06 39 98 xx xx).");
        drill.MapPost("/staff", StaffAsync)
            .WithSummary("A clinic desk account for the drill (desk@drill.medicapp.invalid, at clinic-paris-8), with a new password.");
        drill.MapPost("/patients/{id:guid}/backdate", BackdateAsync)
            .WithSummary("Moves a drill patient's journey back in time, past its reflection period and the abandonment delay.");
        return routes;
    }

    private static IResult GetMessages(string? recipient, DrillMailbox mailbox)
    {
        if (!DrillContacts.IsDrillRecipient(recipient))
        {
            return Problems.NotFound("drill contact");
        }

        return Results.Ok(mailbox.For(recipient!).ToDictionary(static m => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(m.Key.ToString()), static m => m.Value));
    }

    // The drill signs at the clinic as its staff would: through a desk account of its own, whose codes reach the mailbox.
    private static async Task<IResult> StaffAsync(MedicAppDbContext db, IPasswordHasher<Account> hasher, CancellationToken cancellationToken)
    {
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Login == DrillContacts.StaffLogin, cancellationToken);
        if (account is null)
        {
            account = new Account { Id = Guid.CreateVersion7(), Login = DrillContacts.StaffLogin, PasswordHash = "", Role = UserRole.ClinicStaff, ClinicId = DrillContacts.StaffClinic, MfaMethod = MfaMethod.Email };
            db.Accounts.Add(account);
        }

        account.PasswordHash = hasher.HashPassword(account, password);
        account.LockedUntil = null;
        account.ConsecutiveFailures = 0;
        if (!await db.TrySaveUniqueAsync(cancellationToken))
        {
            return Problems.Conflict("Another drill created the desk account at the same time: call again.");
        }

        return Results.Ok(new { login = account.Login, password, clinicId = account.ClinicId });
    }

    // Every date of the journey moves back by the reflection period and the abandonment delay, and a day more: the jobs
    // then find the reflection period over and, once nothing else happens, the journey idle.
    private static async Task<IResult> BackdateAsync(Guid id, MedicAppDbContext db, IOptions<JourneyOptions> journey, CancellationToken cancellationToken)
    {
        var shift = journey.Value.ReflectionPeriod + journey.Value.AbandonAfter + TimeSpan.FromDays(1);
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is null || !DrillContacts.IsDrillEmail(patient.Email))
        {
            return Problems.NotFound("drill patient");
        }

        patient.LastActivityAt -= shift;
        patient.JourneyStateSince -= shift;
        patient.ReflectionPeriodEndsAt -= shift;
        await db.SaveChangesAsync(cancellationToken);
        return Results.Ok(new { id, movedBack = shift });
    }
}
