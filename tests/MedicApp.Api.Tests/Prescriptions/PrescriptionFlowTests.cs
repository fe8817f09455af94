using System.Net;
using MedicApp.Api.Data;
using MedicApp.Api.Tests.Hosting;
using static MedicApp.Api.Tests.Hosting.EventAssert;

namespace MedicApp.Api.Tests.Prescriptions;

public abstract class PrescriptionFlowTests : ApiTest
{
    public sealed class OnSqlite : PrescriptionFlowTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class OnPostgreSql : PrescriptionFlowTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    }

    private static readonly object[] s_items = [new { medication = "Amoxicilline 1 g", dosage = "1 comprimé matin et soir", duration = "6 jours" }, new { medication = "Paracétamol 1 g", dosage = "si douleur" }];

    [Fact]
    public async Task Generate_EmitsGeneratedWithoutTheContent()
    {
        var (id, _) = await Steps.RegisterAsync();

        var prescription = await (await Steps.SurgeonAsync()).PostAsync("/prescriptions", new { patientId = id, practitionerId = "prac-0001", stage = "post_operative", items = s_items }, HttpStatusCode.Created);

        var recorded = Single(Host, "prescription_generated", new Dictionary<string, string>
        {
            ["patient_id"] = Pseudonym(Host, id),
            ["prescription_id"] = Pseudonym(Host, prescription.Text("id")),
            ["practitioner_id"] = Pseudonym(Host, "prac-0001"),
            ["stage"] = "post_operative",
            ["item_count"] = "2",
        });
        Assert.DoesNotContain(recorded.Properties.Values, static v => v.Contains("Amoxicilline", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Download_ByThePatient_ReturnsThePdfAndEmitsDownloaded()
    {
        var (id, _) = await Steps.RegisterAsync();
        var prescription = await (await Steps.SurgeonAsync()).PostAsync("/prescriptions", new { patientId = id, practitionerId = "prac-0001", stage = "pre_operative", items = s_items }, HttpStatusCode.Created);
        Host.Time.Advance(TimeSpan.FromDays(2));

        using var response = await Steps.As(id).GetAsync($"{prescription.Text("documentUrl")}?channel=mobile_app");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-1.4", System.Text.Encoding.ASCII.GetString(pdf, 0, 8));
        Assert.Contains("Amoxicilline", System.Text.Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        Single(Host, "prescription_downloaded", new Dictionary<string, string>
        {
            ["patient_id"] = Pseudonym(Host, id),
            ["prescription_id"] = Pseudonym(Host, prescription.Text("id")),
            ["downloaded_by"] = "patient",
            ["channel"] = "mobile_app",
            ["time_since_generation_ms"] = Milliseconds(TimeSpan.FromDays(2)),
        });
    }

    [Theory]
    [InlineData("?channel=fax")]
    [InlineData("?downloadedBy=neighbour")]
    [InlineData("?downloadedBy=pharmacy")]
    public async Task Download_UnknownActorOrChannel_IsAValidationProblem(string query)
    {
        var (id, _) = await Steps.RegisterAsync();
        var prescription = await (await Steps.SurgeonAsync()).PostAsync("/prescriptions", new { patientId = id, practitionerId = "prac-0001", stage = "follow_up", items = s_items }, HttpStatusCode.Created);

        await Steps.As(id).GetAsync(prescription.Text("documentUrl") + query, HttpStatusCode.BadRequest);

        Assert.Empty(Host.Events.GetEvents("prescription_downloaded"));
    }
}
