using System.Net;
using System.Text.Json;
using System.Text;
using MedicApp.Api.Data;
using MedicApp.Api.Features.Signatures;
using MedicApp.Api.Tests.Hosting;
using static MedicApp.Api.Tests.Hosting.EventAssert;

namespace MedicApp.Api.Tests.Signatures;

public abstract class SignatureFlowTests : ApiTest
{
    public sealed class OnSqlite : SignatureFlowTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class OnPostgreSql : SignatureFlowTests
    {
        internal override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    }

    [Fact]
    public async Task Yousign_RequestThenSignedWebhook_EmitsInitiatedAndCompleted()
    {
        var (id, _) = await Steps.ReadyToSignAsync();
        var request = await Steps.As(id).PostAsync($"/patients/{id}/signatures/yousign", new { document = "consent" }, HttpStatusCode.Created);
        Host.Time.Advance(TimeSpan.FromHours(3));

        var answer = await Steps.WebhookAsync("signature_request.done", request.Text("externalId"), HttpStatusCode.OK);

        Assert.True(answer.GetProperty("handled").GetBoolean());
        Single(Host, "signature_yousign_initiated", new Dictionary<string, string>
        {
            ["patient_id"] = Pseudonym(Host, id),
            ["signature_request_id"] = Pseudonym(Host, request.Text("externalId")),
            ["document"] = "consent",
            ["document_count"] = "1",
        });
        Single(Host, "signature_yousign_completed", new Dictionary<string, string>
        {
            ["patient_id"] = Pseudonym(Host, id),
            ["outcome"] = "signed",
            ["time_to_sign_ms"] = Milliseconds(TimeSpan.FromHours(3)),
        });
        Assert.Contains("contact_verified>signatures_pending:patient_action", Transitions(Host, id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not the webhook secret")]
    public async Task Webhook_UnsignedOrBadlySigned_Is401AndEmitsNothing(string? secret)
    {
        var (id, _) = await Steps.ReadyToSignAsync();
        var request = await Steps.As(id).PostAsync($"/patients/{id}/signatures/yousign", new { document = "consent" }, HttpStatusCode.Created);
        var before = Host.Events.Events.Count;

        await Steps.WebhookAsync("signature_request.done", request.Text("externalId"), HttpStatusCode.Unauthorized, secret);

        Assert.Equal(before, Host.Events.Events.Count);
        var pending = await Steps.As(id).GetAsync($"/patients/{id}/signatures", HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, pending[0].GetProperty("outcome").ValueKind);
    }

    [Fact]
    public async Task Webhook_BodyChangedAfterSigning_Is401()
    {
        var (id, _) = await Steps.ReadyToSignAsync();
        var request = await Steps.As(id).PostAsync($"/patients/{id}/signatures/yousign", new { document = "consent" }, HttpStatusCode.Created);
        var signed = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { event_name = "signature_request.declined", data = new { signature_request = new { id = request.Text("externalId") } } }));
        var sent = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { event_name = "signature_request.done", data = new { signature_request = new { id = request.Text("externalId") } } }));
        var content = new ByteArrayContent(sent);
        content.Headers.ContentType = new("application/json");

        await Client.SendAsync(HttpMethod.Post, "/webhooks/yousign", content, HttpStatusCode.Unauthorized,
            new Dictionary<string, string> { [YousignWebhookSignature.HeaderName] = YousignWebhookSignature.Compute(ApiHost.WebhookSecret, signed) });

        Assert.Empty(Host.Events.GetEvents("signature_yousign_completed"));
    }

    [Fact]
    public async Task Webhook_DeliveredThreeTimesAtOnce_CompletesOnce()
    {
        var (id, _) = await Steps.ReadyToSignAsync();
        var request = await Steps.As(id).PostAsync($"/patients/{id}/signatures/yousign", new { document = "consent" }, HttpStatusCode.Created);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Steps.WebhookAsync("signature_request.done", request.Text("externalId"), HttpStatusCode.OK)));

        Assert.Single(Host.Events.GetEvents("signature_yousign_completed"));
    }

    [Fact]
    public async Task Webhook_OtherYousignEvent_IsAcknowledgedAndIgnored()
    {
        var (id, _) = await Steps.ReadyToSignAsync();
        var request = await Steps.As(id).PostAsync($"/patients/{id}/signatures/yousign", new { document = "consent" }, HttpStatusCode.Created);

        var answer = await Steps.WebhookAsync("signer.link_opened", request.Text("externalId"), HttpStatusCode.OK);

        Assert.False(answer.GetProperty("handled").GetBoolean());
        Assert.Empty(Host.Events.GetEvents("signature_yousign_completed"));
    }

    [Fact]
    public async Task Webhook_NoSecretConfigured_Is503()
    {
        await using var host = await ApiHost.StartAsync(Provider, new Dictionary<string, string?> { ["Yousign:WebhookSecret"] = null });
        var steps = new PatientSteps(host, host.CreateClient());

        await steps.WebhookAsync("signature_request.done", "anything", HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Clinic_StartThenSign_EmitsCabinetInitiatedAndCompleted()
    {
        var (id, _) = await Steps.ReadyToSignAsync();
        var signature = await (await Steps.StaffAsync()).PostAsync($"/patients/{id}/signatures/clinic", new { document = "care_contract", clinicId = "clinic-paris-8", practitionerId = "prac-0001" }, HttpStatusCode.Created);
        Host.Time.Advance(TimeSpan.FromMinutes(12));

        await (await Steps.StaffAsync()).PostAsync($"/signatures/{signature.Text("id")}/clinic-completion", new { outcome = "signed" }, HttpStatusCode.OK);
        await (await Steps.StaffAsync()).PostAsync($"/signatures/{signature.Text("id")}/clinic-completion", new { outcome = "signed" }, HttpStatusCode.Conflict);

        Single(Host, "signature_cabinet_initiated", new Dictionary<string, string>
        {
            ["patient_id"] = Pseudonym(Host, id),
            ["clinic_id"] = "clinic-paris-8",
            ["practitioner_id"] = Pseudonym(Host, "prac-0001"),
            ["document"] = "care_contract",
        });
        Single(Host, "signature_cabinet_completed", new Dictionary<string, string>
        {
            ["outcome"] = "signed",
            ["time_to_sign_ms"] = Milliseconds(TimeSpan.FromMinutes(12)),
        });
        Assert.Contains("contact_verified>signatures_pending:staff_action", Transitions(Host, id));
    }

    [Fact]
    public async Task LastRequiredSignature_StartsTheReflectionPeriod()
    {
        var (id, _) = await Steps.ReadyToSignAsync();
        var consent = await Steps.As(id).PostAsync($"/patients/{id}/signatures/yousign", new { document = "consent" }, HttpStatusCode.Created);
        var quote = await Steps.As(id).PostAsync($"/patients/{id}/signatures/yousign", new { document = "quote" }, HttpStatusCode.Created);
        var lyon = await Steps.StaffAsync("desk@clinic-lyon-2.example.fr");
        var contract = await lyon.PostAsync($"/patients/{id}/signatures/clinic", new { document = "care_contract", clinicId = "clinic-lyon-2", practitionerId = "prac-0003" }, HttpStatusCode.Created);
        Host.Time.Advance(TimeSpan.FromDays(1));
        await Steps.WebhookAsync("signature_request.done", consent.Text("externalId"), HttpStatusCode.OK);
        await lyon.PostAsync($"/signatures/{contract.Text("id")}/clinic-completion", new { outcome = "signed" }, HttpStatusCode.OK);
        Assert.Empty(Host.Events.GetEvents("signature_all_completed"));
        Host.Time.Advance(TimeSpan.FromDays(1));

        await Steps.WebhookAsync("signature_request.done", quote.Text("externalId"), HttpStatusCode.OK);

        var endsAt = ApiHost.Start + TimeSpan.FromDays(2) + TimeSpan.FromDays(15);
        Single(Host, "signature_all_completed", new Dictionary<string, string>
        {
            ["patient_id"] = Pseudonym(Host, id),
            ["document_count"] = "3",
            ["yousign_count"] = "2",
            ["clinic_count"] = "1",
            ["total_time_to_sign_ms"] = Milliseconds(TimeSpan.FromDays(2)),
            ["last_provider"] = "yousign",
        });
        var patient = await Steps.As(id).GetAsync($"/patients/{id}", HttpStatusCode.OK);
        Assert.Equal("reflection_period", patient.Text("journeyState"));
        Assert.Equal(endsAt, patient.GetProperty("reflectionPeriodEndsAt").GetDateTimeOffset());
        Assert.Equal(["signatures_pending>signed:signature_webhook", "signed>reflection_period:signature_webhook"], Transitions(Host, id).TakeLast(2));
    }

    [Fact]
    public async Task RequiredDocuments_Configured_DecideWhenAllAreSigned()
    {
        await using var host = await ApiHost.StartAsync(Provider, new Dictionary<string, string?> { ["Signatures:RequiredDocuments:0"] = "Consent" });
        var client = host.CreateClient();
        var steps = new PatientSteps(host, client);
        var (id, _) = await steps.ReadyToSignAsync();
        var consent = await steps.As(id).PostAsync($"/patients/{id}/signatures/yousign", new { document = "consent" }, HttpStatusCode.Created);

        await steps.WebhookAsync("signature_request.done", consent.Text("externalId"), HttpStatusCode.OK);

        Single(host, "signature_all_completed", new Dictionary<string, string> { ["document_count"] = "1" });
    }

    [Fact]
    public async Task Declined_CanBeRequestedAgain_ButNotWhilePending()
    {
        var (id, _) = await Steps.ReadyToSignAsync();
        var first = await Steps.As(id).PostAsync($"/patients/{id}/signatures/yousign", new { document = "quote" }, HttpStatusCode.Created);
        await Steps.As(id).PostAsync($"/patients/{id}/signatures/yousign", new { document = "quote" }, HttpStatusCode.Conflict);

        await Steps.WebhookAsync("signature_request.declined", first.Text("externalId"), HttpStatusCode.OK);
        await Steps.As(id).PostAsync($"/patients/{id}/signatures/yousign", new { document = "quote" }, HttpStatusCode.Created);

        Single(Host, "signature_yousign_completed", new Dictionary<string, string> { ["outcome"] = "declined" });
        Assert.Equal(2, Host.Events.GetEvents("signature_yousign_initiated").Count);
    }

    [Fact]
    public async Task Signature_BeforeTheFileIsComplete_IsAConflict()
    {
        var (id, _) = await Steps.RegisterAsync();

        await Steps.As(id).PostAsync($"/patients/{id}/signatures/yousign", new { document = "consent" }, HttpStatusCode.Conflict);

        Assert.Empty(Host.Yousign.Requests);
        Assert.Empty(Host.Events.GetEvents("signature_yousign_initiated"));
    }
}
