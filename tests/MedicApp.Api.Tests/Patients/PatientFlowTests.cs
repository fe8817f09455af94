using System.Net;
using MedicApp.Api.Data;
using MedicApp.Api.Features.Patients;
using MedicApp.Api.Infrastructure;
using MedicApp.Api.Tests.Hosting;
using static MedicApp.Api.Tests.Hosting.EventAssert;

namespace MedicApp.Api.Tests.Patients;

public abstract class PatientFlowTests : ApiTest
{
    public sealed class OnSqlite : PatientFlowTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class OnPostgreSql : PatientFlowTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    }


    [Fact]
    public async Task Register_ValidForm_EmitsPatientRegisteredWithPseudonymizedIdOnly()
    {
        var email = PatientSteps.NewEmail();
        var patient = await Client.PostAsync("/patients", new { email, phone = "06 12 34 56 78", password = PatientSteps.Password, channel = "mobile_app", locale = "fr-FR" }, HttpStatusCode.Created);

        var recorded = Single(Host, "patient_registered", new Dictionary<string, string>
        {
            ["patient_id"] = Pseudonym(Host, patient.Text("id")),
            ["channel"] = "mobile_app",
            ["locale"] = "fr-FR",
        });
        Assert.DoesNotContain(recorded.Properties.Values, v => v.Contains(email, StringComparison.Ordinal) || v.Contains("612345678", StringComparison.Ordinal) || v.Contains(PatientSteps.Password, StringComparison.Ordinal));
        Assert.Equal("registered", patient.Text("journeyState"));
    }

    [Fact]
    public async Task VerifyEmail_AfterASecondLink_EmitsTimeToVerifyAndTwoAttempts()
    {
        var (id, email) = await Steps.RegisterAsync();
        Host.Time.Advance(TimeSpan.FromMinutes(10));
        await Client.PostAsync($"/patients/{id}/email-verification/resend", null, HttpStatusCode.Accepted);
        Host.Time.Advance(TimeSpan.FromMinutes(5));

        await Steps.VerifyEmailAsync(id, email);

        Single(Host, "patient_email_verified", new Dictionary<string, string>
        {
            ["patient_id"] = Pseudonym(Host, id),
            ["attempt_count"] = "2",
            ["time_to_verify_ms"] = Milliseconds(TimeSpan.FromMinutes(5)),
        });
    }

    [Fact]
    public async Task VerifyEmail_OldLinkAfterResend_IsRefusedAndEmitsNothing()
    {
        var (id, email) = await Steps.RegisterAsync();
        var oldLink = Host.Outbox.LastSecret(email, MessagePurpose.EmailVerification);
        await Client.PostAsync($"/patients/{id}/email-verification/resend", null, HttpStatusCode.Accepted);

        await Client.PostAsync($"/patients/{id}/email-verification", new { secret = oldLink }, HttpStatusCode.BadRequest);

        Assert.Empty(Host.Events.GetEvents("patient_email_verified"));
    }

    [Fact]
    public async Task VerifyPhone_WrongCodeThenRightOne_EmitsTwoAttempts()
    {
        var (id, _) = await Steps.RegisterAsync();
        var code = Host.Outbox.LastSecret("+33612345678", MessagePurpose.PhoneVerification);
        Host.Time.Advance(TimeSpan.FromSeconds(90));

        await Client.PostAsync($"/patients/{id}/phone-verification", new { secret = code == "000000" ? "111111" : "000000" }, HttpStatusCode.BadRequest);
        Assert.Empty(Host.Events.GetEvents("patient_phone_verified"));
        await Steps.VerifyPhoneAsync(id);

        Single(Host, "patient_phone_verified", new Dictionary<string, string>
        {
            ["patient_id"] = Pseudonym(Host, id),
            ["attempt_count"] = "2",
            ["time_to_verify_ms"] = Milliseconds(TimeSpan.FromSeconds(90)),
        });
    }

    [Fact]
    public async Task CompleteMedicalFile_ContactAlreadyVerified_EmitsDossierAndTwoTransitions()
    {
        var (id, email) = await Steps.RegisterAsync();
        await Steps.VerifyEmailAsync(id, email);
        await Steps.VerifyPhoneAsync(id);
        Host.Time.Advance(TimeSpan.FromHours(2));

        var patient = await Steps.As(id).PutAsync(
            $"/patients/{id}/medical-file",
            new { medicalHistory = "Asthme", allergies = "Arachide", currentTreatments = "Ventoline", lifestyle = "Non-fumeuse", documentsUploaded = 3, channel = "web" },
            HttpStatusCode.OK);

        var recorded = Single(Host, "patient_dossier_completed", new Dictionary<string, string>
        {
            ["patient_id"] = Pseudonym(Host, id),
            ["channel"] = "web",
            ["sections_completed"] = "4",
            ["documents_uploaded"] = "3",
            ["time_since_registration_ms"] = Milliseconds(TimeSpan.FromHours(2)),
        });
        Assert.DoesNotContain(recorded.Properties.Values, v => v.Contains("Asthme", StringComparison.Ordinal) || v.Contains("Arachide", StringComparison.Ordinal));
        Assert.Equal(["registered>dossier_completed:patient_action", "dossier_completed>contact_verified:patient_action"], Transitions(Host, id));
        Assert.Equal("contact_verified", patient.Text("journeyState"));
    }

    [Fact]
    public async Task VerifyPhone_LastOfTheThreeSteps_MovesTheJourneyToContactVerified()
    {
        var (id, email) = await Steps.RegisterAsync();
        await Steps.CompleteFileAsync(id);
        await Steps.VerifyEmailAsync(id, email);
        Assert.Equal(["registered>dossier_completed:patient_action"], Transitions(Host, id));

        await Steps.VerifyPhoneAsync(id);

        Assert.Equal(["registered>dossier_completed:patient_action", "dossier_completed>contact_verified:patient_action"], Transitions(Host, id));
    }

    [Fact]
    public async Task Register_SameEmailTwice_IsAConflictAndEmitsOnce()
    {
        var email = PatientSteps.NewEmail();
        await Client.PostAsync("/patients", new { email, phone = "0612345678", password = PatientSteps.Password }, HttpStatusCode.Created);

        await Client.PostAsync("/patients", new { email = email.ToUpperInvariant(), phone = "0612345678", password = PatientSteps.Password }, HttpStatusCode.Conflict);

        Assert.Single(Host.Events.GetEvents("patient_registered"));
        Assert.Equal(1, await Host.CountAsync<Patient>());
    }

    [Theory]
    [InlineData("06 12 34 56 78", "+33612345678")]
    [InlineData("06.12.34.56.78", "+33612345678")]
    [InlineData("+44 20 7946 0958", "+442079460958")]
    [InlineData("12345", null)]
    [InlineData("06 12 34 56 7x", null)]
    public void NormalizePhone_CommonWritings_GiveE164OrNothing(string phone, string? expected)
        => Assert.Equal(expected, ContactFormats.NormalizePhone(phone));
}
