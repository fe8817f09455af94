using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Azure.Monitor.OpenTelemetry.Exporter;
using MedicApp.Telemetry.Events;
using MedicApp.Telemetry.Tests.Infrastructure;
using MedicApp.Tests.Shared;
using Microsoft.ApplicationInsights;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using Xunit;

#pragma warning disable CA1873 // The values given to the log calls are what this test looks at.

namespace MedicApp.Telemetry.Tests.Scrubbing.OpenTelemetry;

/// <summary>
/// An ASP.NET Core application set up as the README says, with the real Application Insights SDK sending to a loopback
/// ingestion server: a request whose URL, body, logs, database statement and exception carry personal values.
/// </summary>
public sealed class TechnicalTelemetryPrivacyTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly ActivitySource Database = new("MedicApp.Tests.Database");

    private const string Email = "jeanne.martin@example.fr";
    private const string Phone = "06 12 34 56 78";
    private const string Nir = "2 84 05 75 123 456 72";
    private const string Iban = "FR76 3000 6000 0112 3456 7890 189";
    private const string Card = "4970 1012 3456 7893";
    private const string Secret = "s3cr3t-Reset-T0ken";
    private const string ClientIp = "203.0.113.9";

    private static readonly string[] PersonalValues = [Email, Phone, Nir, Iban, Card, Secret, ClientIp];

    private readonly IngestionServer _server = new();

    public TechnicalTelemetryPrivacyTests()
        => Environment.SetEnvironmentVariable("APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "true");

    public void Dispose() => _server.Dispose();

    // The Application Insights exporter joins the providers once the host has started, so the scrubbing processors
    // run first whichever of the two registrations comes first.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FailingRequest_LeavesNoPersonalValueInAnyEnvelope(bool medicAppTelemetryFirst)
    {
        await SendFailingRequestAsync(BuildApplication(medicAppTelemetryFirst));
        await _server.WaitForAsync(static e => (string?)e["data"]?["baseData"]?["name"] == "legacy_payment_failed", 1, Deadline);
        await _server.WaitForAsync(static e => (string?)e["data"]?["baseData"]?["name"] == "auth_login_failure", 1, Deadline);

        var texts = AssertNoPersonalValue();

        // What was scrubbed is still there to debug with, as placeholders.
        // The logged exception, with its inner one; the span's exception event gives another, flat, envelope.
        var exceptions = _server.Envelopes.Where(static e => BaseType(e) == "ExceptionData").Select(static e => e["data"]!["baseData"]!["exceptions"]!.AsArray()).ToArray();
        Assert.Contains(exceptions, static e => e.Count == 1 && (string?)e[0]!["message"] == "Payment of patient [email] with NIR [nir] failed");
        var exception = exceptions.First(static e => e.Count == 2);
        Assert.Equal("System.InvalidOperationException", (string?)exception[0]!["typeName"]);
        Assert.Equal("Payment of patient [email] with NIR [nir] failed", (string?)exception[0]!["message"]);
        Assert.Equal("IBAN [iban] refused by the bank", (string?)exception[1]!["message"]);
        Assert.NotEmpty(exception[0]!["parsedStack"]!.AsArray());
        Assert.Contains(texts, static t => t.Contains("[phone]", StringComparison.Ordinal));
        Assert.Contains(texts, static t => t.Contains("[card]", StringComparison.Ordinal));
    }

    // The scrubber chosen for events is the one requests, dependencies, logs and exceptions go through too.
    [Fact]
    public async Task ChosenScrubber_IsTheOneEveryTelemetryTypeGoesThrough()
    {
        await SendFailingRequestAsync(BuildApplication(medicAppTelemetryFirst: true, static telemetry => telemetry.UseTextScrubber<RedactingTextScrubber>()));

        AssertNoPersonalValue();
        Assert.All(Texts("RequestData", "name"), static name => Assert.StartsWith("[redacted:", name, StringComparison.Ordinal));
        Assert.All(Texts("RemoteDependencyData", "data"), static statement => Assert.StartsWith("[redacted:", statement, StringComparison.Ordinal));
        Assert.All(Texts("MessageData", "message"), static message => Assert.StartsWith("[redacted:", message, StringComparison.Ordinal));
        var exceptions = _server.Envelopes.Where(static e => BaseType(e) == "ExceptionData")
            .SelectMany(static e => e["data"]!["baseData"]!["exceptions"]!.AsArray())
            .Select(static e => (string?)e!["message"])
            .ToList();
        Assert.NotEmpty(exceptions);
        Assert.All(exceptions, static message => Assert.StartsWith("[redacted:", message, StringComparison.Ordinal));
    }

    private async Task SendFailingRequestAsync(WebApplication application)
    {
        await using (var app = application)
        {
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(Address(app)) };

            using var response = await client.PostAsJsonAsync(
                $"/patients/{Email}/payments?phone={Uri.EscapeDataString(Phone)}&token={Secret}",
                new PaymentRequest(Nir, Iban, Card));

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            await app.StopAsync();
        }

        await _server.WaitForAsync(static e => BaseType(e) == "RequestData", 1, Deadline);
        await _server.WaitForAsync(static e => BaseType(e) == "ExceptionData", 1, Deadline);
        await _server.WaitForAsync(static e => BaseType(e) == "MessageData", 1, Deadline);
        await _server.WaitForAsync(static e => BaseType(e) == "RemoteDependencyData", 1, Deadline);
    }

    // Every string of every envelope, checked for each personal value in its usual forms.
    private string[] AssertNoPersonalValue()
    {
        var texts = _server.Envelopes.SelectMany(static e => Strings(e)).ToArray();
        foreach (var value in PersonalValues)
        {
            foreach (var form in Forms(value))
            {
                var leak = texts.FirstOrDefault(text => text.Contains(form, StringComparison.OrdinalIgnoreCase));
                Assert.True(leak is null, $"'{form}' was sent in: {leak}");
            }
        }

        return texts;
    }

    private List<string?> Texts(string baseType, string field)
    {
        var texts = _server.Envelopes.Where(e => BaseType(e) == baseType).Select(e => (string?)e["data"]!["baseData"]![field]).ToList();
        Assert.NotEmpty(texts);
        return texts;
    }

    private WebApplication BuildApplication(bool medicAppTelemetryFirst, Action<MedicAppTelemetryBuilder>? telemetry = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();

        if (medicAppTelemetryFirst)
        {
            var medicApp = AddMedicAppTelemetry(builder.Services);
            telemetry?.Invoke(medicApp);
        }

        builder.Services.AddApplicationInsightsTelemetryWorkerService(options =>
        {
            options.ConnectionString = _server.ConnectionString;
            options.EnableQuickPulseMetricStream = false;

            // Every request, not five a second: the first one comes before the rate limiter has any budget.
            options.SamplingRatio = 1.0f;
        });
        builder.Services.Configure<AzureMonitorExporterOptions>(static options => options.DisableOfflineStorage = true);
        builder.Services.ConfigureOpenTelemetryTracerProvider(static tracing => tracing
            .AddAspNetCoreInstrumentation(static o => o.RecordException = true)
            .AddSource(Database.Name));

        if (!medicAppTelemetryFirst)
        {
            var medicApp = AddMedicAppTelemetry(builder.Services);
            telemetry?.Invoke(medicApp);
        }

        var app = builder.Build();
        app.MapPost("/patients/{email}/payments", static (string email, PaymentRequest payment, HttpContext context, ILogger<TechnicalTelemetryPrivacyTests> logger, TelemetryClient telemetry, EventTracker tracker) =>
        {
            logger.LogInformation("Payment for patient {Nir} from {Iban}", payment.Nir, payment.Iban);
#pragma warning disable CA2254 // An interpolated message, as careless code writes it.
            logger.LogWarning($"Card {payment.Card} of {email} needs a check, reach them at {context.Request.Query["phone"]}");
#pragma warning restore CA2254
            using (var statement = Database.StartActivity("INSERT payments", ActivityKind.Client))
            {
                statement?.SetTag("db.system.name", "postgresql");
                statement?.SetTag("db.query.text", $"INSERT INTO payments (iban, card) VALUES ('{payment.Iban}', '{payment.Card}')");
            }

            telemetry.TrackEvent("legacy_payment_failed", new Dictionary<string, string> { ["email"] = email, ["client_ip"] = ClientIp });
            tracker.AuthLoginFailure(email, ClientIp, LoginFailureReason.InvalidPassword, 1);
            throw new InvalidOperationException(
                $"Payment of patient {email} with NIR {payment.Nir} failed",
                new FormatException($"IBAN {payment.Iban} refused by the bank"));
        });
        return app;
    }

    private MedicAppTelemetryBuilder AddMedicAppTelemetry(IServiceCollection services)
        => services.AddMedicAppTelemetry(options =>
        {
            options.Pseudonymization.Key = TelemetryServices.Key;
            options.ApplicationInsights.ConnectionString = _server.ConnectionString;
        });

    private static string Address(WebApplication app)
        => app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

    private static string? BaseType(JsonObject envelope) => (string?)envelope["data"]?["baseType"];

    // A value leaks if it shows as typed, without its separators, or percent-encoded.
    private static IEnumerable<string> Forms(string value)
    {
        yield return value;
        yield return Uri.EscapeDataString(value);
        var compact = new string(value.Where(static c => c is not (' ' or '-' or '.')).ToArray());
        if (compact.Length > 6)
        {
            yield return compact;
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(static p => Strings(p.Value).Append(p.Key)),
        JsonArray a => a.SelectMany(static n => Strings(n)),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private sealed record PaymentRequest(string Nir, string Iban, string Card);
}
