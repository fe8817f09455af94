using System.Diagnostics;
using System.Linq;
using Xunit;

namespace MedicApp.Telemetry.Tests.Scrubbing.OpenTelemetry;

public sealed class ScrubbingActivityProcessorTests : System.IDisposable
{
    private readonly ScrubbingActivityProcessor _processor = new(PiiScrubber.Default);

    public void Dispose() => _processor.Dispose();

    [Fact]
    public void UrlAndDatabaseTags_AreScrubbedAndOtherTagsKeepTheirValueAndType()
    {
        using var activity = new Activity("GET /patients/jeanne.martin@example.fr").Start();
        activity.SetTag("url.full", "https://api.medicapp.fr/patients/jeanne.martin%40example.fr?phone=0612345678&token=abc123def456");
        activity.SetTag("url.query", "?nir=284057512345672");
        activity.SetTag("http.target", "/patients/jeanne.martin@example.fr");
        activity.SetTag("db.query.text", "SELECT id FROM patients WHERE iban = 'FR7630006000011234567890189'");
        activity.SetTag("http.route", "/patients/{email}");
        activity.SetTag("http.response.status_code", 200);
        activity.SetTag("card_number", 4111111111111111L);
        activity.SetTag("headers", new[] { "x-forwarded-for: 203.0.113.9", "accept: */*" });
        activity.SetStatus(ActivityStatusCode.Error, "patient jeanne.martin@example.fr not found");
        activity.Stop();

        _processor.OnEnd(activity);

        Assert.Equal("GET /patients/[email]", activity.DisplayName);
        Assert.Equal("https://api.medicapp.fr/patients/[email]?phone=[phone]&token=[secret]", activity.GetTagItem("url.full"));
        Assert.Equal("?nir=[nir]", activity.GetTagItem("url.query"));
        Assert.Equal("/patients/[email]", activity.GetTagItem("http.target"));
        Assert.Equal("SELECT id FROM patients WHERE iban = '[iban]'", activity.GetTagItem("db.query.text"));
        Assert.Equal("/patients/{email}", activity.GetTagItem("http.route"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("[card]", activity.GetTagItem("card_number"));
        Assert.Equal(new[] { "x-forwarded-for: [ip]", "accept: */*" }, (string[])activity.GetTagItem("headers")!);
        Assert.Equal("patient [email] not found", activity.StatusDescription);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
    }

    [Fact]
    public void RecordedException_HasItsMessageAndStackTraceScrubbed()
    {
        using var activity = new Activity("POST /signatures").Start();
        activity.AddException(new System.InvalidOperationException("Yousign refused 06 12 34 56 78"));
        activity.Stop();

        _processor.OnEnd(activity);

        var tags = activity.Events.Single().Tags.ToDictionary(static t => t.Key, static t => t.Value);
        Assert.Equal("Yousign refused [phone]", tags["exception.message"]);
        Assert.DoesNotContain("06 12 34 56 78", (string)tags["exception.stacktrace"]!, System.StringComparison.Ordinal);
        Assert.Equal("System.InvalidOperationException", tags["exception.type"]);
    }

    [Fact]
    public void RecordedException_WithPersonalTagsOfItsOwn_HasThemScrubbedAndIsExported()
    {
        using var activity = new Activity("POST /patients").Start();
        activity.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        activity.AddException(
            new System.FormatException("Invalid NIR"),
            new TagList { { "exception.message", "NIR 2 84 05 75 123 456 72 is invalid" }, { "patient.email", "jeanne.martin@example.fr" }, { "attempt", 2 } });
        activity.Stop();

        _processor.OnEnd(activity);

        var tags = activity.Events.Single().Tags.ToDictionary(static t => t.Key, static t => t.Value);
        Assert.Equal("NIR [nir] is invalid", tags["exception.message"]);
        Assert.Equal("[email]", tags["patient.email"]);
        Assert.Equal(2, tags["attempt"]);
        Assert.True(activity.Recorded, "A scrubbed span is exported.");
    }

    [Fact]
    public void HarmlessSpan_IsLeftAsItIs()
    {
        using var activity = new Activity("GET /appointments/{id}").Start();
        activity.SetTag("url.full", "https://api.medicapp.fr/appointments/4f0c2a56-1b7e-4c1d-9a55-0c3f7a1e9b21?page=2");
        activity.SetTag("order", "CMD-2024-000123");
        activity.Stop();
        var before = activity.TagObjects.ToArray();

        _processor.OnEnd(activity);

        Assert.Equal(before, activity.TagObjects.ToArray());
        Assert.Equal("GET /appointments/{id}", activity.DisplayName);
    }
}
