using System.Net;
using MedicApp.Api.Data;
using MedicApp.Api.Features.Patients;
using MedicApp.Api.Tests.Hosting;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;
using Microsoft.Extensions.DependencyInjection;
using static MedicApp.Api.Tests.Hosting.EventAssert;

namespace MedicApp.Api.Tests.Service;

/// <summary>
/// The request fields the API sends as not-personal telemetry (locale, clinic) are checked against what they may be:
/// anything else is a 400 that stores and sends nothing; and were it to reach the SDK, it would not reach the sinks.
/// </summary>
public abstract class NotPersonalInputTests : ApiTest
{
    private const string UnknownPatient = "0193a6f6-0000-7000-8000-000000000000";

    public sealed class OnSqlite : NotPersonalInputTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class OnPostgreSql : NotPersonalInputTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    }

    [Theory]
    [InlineData("jd@example.fr")]
    [InlineData("06 98 76 54 32")]
    [InlineData("Jean Dupont")]
    [InlineData("tlh-001")]
    [InlineData("")]
    public async Task Register_LocaleNotSupported_Is400OnLocaleAndStoresAndSendsNothing(string locale)
    {
        var problem = await Client.PostAsync("/patients", new { email = PatientSteps.NewEmail(), phone = "06 12 34 56 78", password = PatientSteps.Password, locale }, HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("locale", out var messages), errors.ToString());
        Assert.Contains("fr-FR", messages[0].GetString(), StringComparison.Ordinal);
        Assert.Single(errors.EnumerateObject());
        Assert.Equal(0, await Host.CountAsync<Patient>());
        Assert.Empty(Host.Events.Events);
    }

    [Fact]
    public async Task Register_SupportedLocaleInAnotherCase_IsStoredAndSentAsTheCatalogueSpellsIt()
    {
        var patient = await Client.PostAsync("/patients", new { email = PatientSteps.NewEmail(), phone = "06 12 34 56 78", password = PatientSteps.Password, locale = "FR-fr" }, HttpStatusCode.Created);

        Single(Host, "patient_registered", new Dictionary<string, string>
        {
            ["patient_id"] = Pseudonym(Host, patient.Text("id")),
            ["locale"] = "fr-FR",
        });
    }

    [Theory]
    [InlineData("Dr Jean Dupont", "prac-0001", "clinicId")]
    [InlineData("jd@example.fr", "prac-0001", "clinicId")]
    [InlineData("clinic-nantes-1", "prac-0001", "clinicId")]
    [InlineData("clinic-paris-8", "prac-9999", "practitionerId")]
    [InlineData("clinic-paris-8", "Jean Dupont", "practitionerId")]
    [InlineData("clinic-lyon-2", "prac-0001", "practitionerId")]
    public async Task ClinicSignature_UnknownClinicOrPractitioner_Is400OnThatField(string clinicId, string practitionerId, string field)
    {
        // Checked before the patient is looked up: the answer is the same whoever the patient.
        var staff = await Steps.StaffAsync();
        var events = Host.Events.Events.Count;
        var problem = await staff.PostAsync($"/patients/{UnknownPatient}/signatures/clinic", new { document = "care_contract", clinicId, practitionerId }, HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(static e => e.Name));
        Assert.DoesNotContain(clinicId, problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(events, Host.Events.Events.Count);
    }

    [Fact]
    public async Task ClinicSignature_KnownClinicAndItsPractitioner_IsAccepted()
    {
        var (id, _) = await Steps.ReadyToSignAsync();

        await (await Steps.StaffAsync("desk@clinic-lyon-2.example.fr")).PostAsync($"/patients/{id}/signatures/clinic", new { document = "care_contract", clinicId = "clinic-lyon-2", practitionerId = "prac-0003" }, HttpStatusCode.Created);

        Assert.Equal("clinic-lyon-2", Assert.Single(Host.Events.GetEvents("signature_cabinet_initiated")).Properties["clinic_id"]);
    }

    [Theory]
    [InlineData("/appointments", """{"patientId":"0193a6f6-0000-7000-8000-000000000000","practitionerId":"Jean Dupont","kind":"consultation","startsAt":"2026-12-02T09:00:00+01:00"}""")]
    [InlineData("/prescriptions", """{"patientId":"0193a6f6-0000-7000-8000-000000000000","practitionerId":"prac-9999","stage":"follow_up","items":[{"medication":"x","dosage":"y"}]}""")]
    public async Task UnknownPractitioner_Is400OnPractitionerId(string path, string body)
    {
        var client = path == "/prescriptions" ? await Steps.SurgeonAsync() : await Steps.StaffAsync();
        var events = Host.Events.Events.Count;
        using var response = await client.PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"practitionerId\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(events, Host.Events.Events.Count);
    }

    [Theory]
    [InlineData("jd@example.fr")]
    [InlineData("06 98 76 54 32")]
    public async Task Sdk_PersonalValueAsLocale_NeverReachesTheSink(string locale)
    {
        // Past the API's validation (another caller, a bug), outside strict mode, as in production: the SDK withholds it.
        await using var host = await ApiHost.StartAsync(Provider, new Dictionary<string, string?> { ["MedicAppTelemetry:StrictMode"] = "false" });
        var tracker = host.Services.GetRequiredService<EventTracker>();

        tracker.PatientRegistered("patient-42", ClientChannel.Web, locale);

        var recorded = Assert.Single(host.Events.GetEvents("patient_registered"));
        Assert.Equal(TelemetryLimits.WithheldValue, recorded.Properties["locale"]);
        Assert.Equal("locale:outside_shape", recorded.Properties["event_warnings"]);
        Assert.DoesNotContain(recorded.Properties.Values, v => v.Contains(locale, StringComparison.Ordinal) || v.Contains("98 76", StringComparison.Ordinal) || v.Contains("example.fr", StringComparison.Ordinal));
        Assert.Equal(1, host.Services.GetRequiredService<TelemetryHealth>().GetStatistics().ValuesWithheld);
    }

    [Fact]
    public async Task Sdk_NameAsClinicId_NeverReachesTheSink()
    {
        await using var host = await ApiHost.StartAsync(Provider, new Dictionary<string, string?> { ["MedicAppTelemetry:StrictMode"] = "false" });
        var tracker = host.Services.GetRequiredService<EventTracker>();

        tracker.SignatureCabinetInitiated("patient-42", "Dr Jean Dupont", "prac-0001", SignatureDocument.CareContract);

        var recorded = Assert.Single(host.Events.GetEvents("signature_cabinet_initiated"));
        Assert.Equal(TelemetryLimits.WithheldValue, recorded.Properties["clinic_id"]);
        Assert.Equal("clinic_id:outside_shape", recorded.Properties["event_warnings"]);
        Assert.DoesNotContain(recorded.Properties.Values, static v => v.Contains("Dupont", StringComparison.Ordinal));
    }

    [Fact]
    public void Sdk_PersonalValueAsLocale_InStrictMode_ThrowsAndSendsNothing()
    {
        var tracker = Host.Services.GetRequiredService<EventTracker>();

        var exception = Assert.Throws<TelemetryValueException>(() => tracker.PatientRegistered("patient-42", ClientChannel.Web, "jd@example.fr"));

        Assert.Equal("locale", exception.PropertyName);
        Assert.DoesNotContain("jd@example.fr", exception.Message, StringComparison.Ordinal);
        Assert.Empty(Host.Events.Events);
    }
}
