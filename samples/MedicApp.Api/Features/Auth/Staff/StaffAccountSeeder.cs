using MedicApp.Api.Data;
using MedicApp.Api.Features.Appointments;
using MedicApp.Telemetry.Events;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MedicApp.Api.Features.Auth.Staff;

/// <summary>
/// Creates the configured staff accounts that do not exist yet, after the schema is migrated; an existing login is left
/// as it is (its password included). A staff member receives multi-factor codes by email, at their login.
/// </summary>
internal sealed partial class StaffAccountSeeder(IServiceScopeFactory scopes, IOptions<StaffAccountOptions> options, ILogger<StaffAccountSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Accounts.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MedicAppDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<Account>>();
        var created = 0;
        foreach (var staff in options.Value.Accounts)
        {
            var login = staff.Login!.Trim().ToLowerInvariant();
            if (await db.Accounts.AnyAsync(a => a.Login == login, cancellationToken))
            {
                continue;
            }

            var clinic = staff.Role == UserRole.Practitioner
                ? SlotSchedule.Practitioners.Single(p => p.Id == staff.PractitionerId).ClinicId
                : staff.ClinicId;
            var account = new Account
            {
                Id = Guid.CreateVersion7(),
                Login = login,
                PasswordHash = "",
                Role = staff.Role,
                ClinicId = clinic,
                PractitionerId = staff.Role == UserRole.Practitioner ? staff.PractitionerId : null,
                MfaMethod = MfaMethod.Email,
            };
            account.PasswordHash = hasher.HashPassword(account, staff.Password!);
            db.Accounts.Add(account);

            // Another instance starting at the same time may create it first: the unique login keeps one.
            if (await db.TrySaveUniqueAsync(cancellationToken))
            {
                created++;
            }
        }

        LogSeeded(logger, created, options.Value.Accounts.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What is wrong with the configured accounts, for the start to stop with it; empty when they can be created.</summary>
    public static IEnumerable<string> Problems(StaffAccountOptions options)
    {
        for (var i = 0; i < options.Accounts.Count; i++)
        {
            var staff = options.Accounts[i];
            var at = $"Staff:Accounts:{i}";
            if (string.IsNullOrWhiteSpace(staff.Login) || !staff.Login.Contains('@', StringComparison.Ordinal))
            {
                yield return $"{at}:Login must be an email address.";
            }

            if (staff.Password is not { Length: >= 12 })
            {
                yield return $"{at}:Password must hold at least 12 characters.";
            }

            if (staff.Role == UserRole.ClinicStaff && !SlotSchedule.Practitioners.Any(p => p.ClinicId == staff.ClinicId))
            {
                yield return $"{at}:ClinicId must be a MedicApp clinic ({string.Join(", ", SlotSchedule.Practitioners.Select(static p => p.ClinicId).Distinct())}).";
            }
            else if (staff.Role == UserRole.Practitioner && !SlotSchedule.Practitioners.Any(p => p.Id == staff.PractitionerId))
            {
                yield return $"{at}:PractitionerId must be a MedicApp practitioner ({string.Join(", ", SlotSchedule.Practitioners.Select(static p => p.Id))}).";
            }
            else if (staff.Role is not (UserRole.ClinicStaff or UserRole.Practitioner))
            {
                yield return $"{at}:Role must be ClinicStaff or Practitioner.";
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Staff accounts: {Created} created, {Configured} configured")]
    private static partial void LogSeeded(ILogger logger, int created, int configured);
}
