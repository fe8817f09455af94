using MedicApp.Api.Features.Appointments;
using MedicApp.Api.Features.Auth;
using MedicApp.Api.Features.Auth.Sessions;
using MedicApp.Api.Features.Patients;
using MedicApp.Api.Features.Prescriptions;
using MedicApp.Api.Features.Signatures;
using Microsoft.EntityFrameworkCore;

namespace MedicApp.Api.Data;

/// <summary>
/// The API's database. One model for both providers; each provider has its own subclass, so that each keeps its own
/// migrations (<see cref="SqliteMedicAppDbContext"/>, <see cref="PostgreSqlMedicAppDbContext"/>).
/// </summary>
internal abstract class MedicAppDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Patient> Patients => Set<Patient>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<SignatureRequest> SignatureRequests => Set<SignatureRequest>();

    public DbSet<Practitioner> Practitioners => Set<Practitioner>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<Prescription> Prescriptions => Set<Prescription>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        IncrementVersions();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch (DbUpdateConcurrencyException)
        {
            ChangeTracker.Clear();
            throw;
        }
    }

    // A save that lost a race on a versioned row is abandoned whole, the events captured with it included, before the
    // request runs again (LostRaceRetry): detached, they are known as given up on purpose, not reported as dropped.
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        IncrementVersions();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ChangeTracker.Clear();
            throw;
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database, and safe when a member is inserted.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<string>().HaveMaxLength(256);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Patient>(static patient =>
        {
            patient.HasIndex(static p => p.Email).IsUnique();
            patient.Property(static p => p.MedicalFile).HasMaxLength(MedicalFileRequest.MaxJsonLength);
            patient.HasIndex(static p => new { p.JourneyState, p.LastActivityAt });
            patient.Ignore(static p => p.IsContactVerified);
            patient.Ignore(static p => p.TelemetryId);
        });

        modelBuilder.Entity<Account>(static account =>
        {
            account.HasIndex(static a => a.Login).IsUnique();
            account.HasIndex(static a => a.MfaChallengeId).IsUnique();
            account.Ignore(static a => a.TelemetryId);
        });

        modelBuilder.Entity<Session>(static session => session.HasIndex(static s => s.AccountId));

        modelBuilder.Entity<SignatureRequest>(static request =>
        {
            request.HasIndex(static r => r.ExternalId).IsUnique();
            request.HasIndex(static r => r.PatientId);
        });

        modelBuilder.Entity<Practitioner>(static practitioner => practitioner.HasData(SlotSchedule.Practitioners));

        // One live appointment per practitioner and slot: two bookings racing for it cannot both win.
        modelBuilder.Entity<Appointment>(static appointment =>
        {
            appointment.HasIndex(static a => new { a.PractitionerId, a.StartsAt }).IsUnique().HasFilter("\"CancelledAt\" IS NULL");
            appointment.HasIndex(static a => a.PatientId);
        });

        modelBuilder.Entity<Prescription>(static prescription =>
        {
            prescription.Property(static p => p.Document).HasMaxLength(PrescriptionDocument.MaxLength);
            prescription.HasIndex(static p => p.PatientId);
        });

        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(static e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
        {
            modelBuilder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }

        // The events of each unit of work are written with its changes (Infrastructure/TelemetryWiring.cs).
        modelBuilder.AddTelemetryOutbox();
    }

    /// <summary>
    /// Saves <paramref name="entity"/>'s next version with the unit of work even if nothing else of it changed: for a
    /// change decided on its state (a signature started because none is pending), so that two such decisions made at
    /// once cannot both be saved.
    /// </summary>
    public void Touch(IVersioned entity) => Entry(entity).Property(nameof(IVersioned.Version)).IsModified = true;

    // The version read is the one the update is conditioned on; the row gets the next one.
    private void IncrementVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
        }
    }
}
