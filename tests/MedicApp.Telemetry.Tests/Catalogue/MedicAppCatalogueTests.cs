using System.Linq;
using System.Reflection;
using MedicApp.Telemetry.Events;
using Xunit;

namespace MedicApp.Telemetry.Tests.Catalogue;

public sealed class MedicAppCatalogueTests
{
    private static readonly string[] SprintEvents =
    [
        "patient_registered", "patient_dossier_completed", "patient_email_verified", "patient_phone_verified",
        "signature_yousign_initiated", "signature_yousign_completed", "signature_cabinet_initiated",
        "signature_cabinet_completed", "signature_all_completed", "appointment_booked", "appointment_cancelled",
        "appointment_slot_utilization", "prescription_generated", "prescription_downloaded", "auth_login_success",
        "auth_login_failure", "auth_mfa_sent", "auth_mfa_success", "auth_mfa_failure", "auth_account_locked",
        "patient_journey_transition", "reflection_period_ended", "patient_journey_abandoned",

        // The sessions the login issues, and that a logout, a lockout or a reused refresh token revoke; the rate limits;
        // the refusals of access.
        "auth_session_issued", "auth_session_revoked", "auth_rate_limited", "auth_access_denied",

        // The jobs' heartbeat, which their alert watches, and the audit of the lookups that act on alerts.
        "internal_job_completed", "internal_pseudonym_lookup",
    ];

    [Fact]
    public void Catalogue_HoldsExactlyTheSprintEvents()
        => Assert.Equal(SprintEvents.Order(), EventTracker.Catalogue.Events.Select(static e => e.Name).Order());

    [Fact]
    public void Catalogue_EveryEventHasAreaDescriptionAndClassifiedProperties()
    {
        foreach (var definition in EventTracker.Catalogue.Events)
        {
            Assert.Matches("^LOG-1[1-6]$", definition.Area);
            Assert.False(string.IsNullOrWhiteSpace(definition.Description));
            Assert.All(definition.Properties, static p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
            Assert.DoesNotContain(definition.Properties, static p => p.Classification == DataClassification.PersonalData);
        }
    }

    [Fact]
    public void Assembly_DeclaresTheLogAreaPatternThatEveryEventMatches()
    {
        var pattern = typeof(EventTracker).Assembly.GetCustomAttribute<TelemetryAreaPatternAttribute>();

        Assert.NotNull(pattern);
        Assert.Equal("^LOG-[0-9]{2}$", pattern.Pattern);
        Assert.Matches(pattern.Pattern, pattern.Example);
        Assert.All(EventTracker.Catalogue.Events, definition => Assert.Matches(pattern.Pattern, definition.Area));
    }

    [Fact]
    public void Catalogue_PeopleAreAlwaysPseudonymized()
    {
        var people = EventTracker.Catalogue.Events
            .SelectMany(static e => e.Properties)
            .Where(static p => p.Name is "patient_id" or "account_id" or "practitioner_id" or "client_ip");

        Assert.NotEmpty(people);
        Assert.All(people, static p => Assert.Equal(DataClassification.Pseudonymized, p.Classification));
    }

    [Fact]
    public void Catalogue_BruteForceEventsCarryAccountAndClientIp()
    {
        foreach (var name in new[] { "auth_login_failure", "auth_mfa_failure", "auth_account_locked" })
        {
            var definition = EventTracker.Catalogue.Find(name)!;
            Assert.NotNull(definition.FindProperty("account_id"));
            Assert.NotNull(definition.FindProperty("client_ip"));
        }
    }
}
