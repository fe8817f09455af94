using MedicApp.Api.Features.Auth.Access;
using MedicApp.Api.Tests.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace MedicApp.Api.Tests.Access;

/// <summary>
/// The rule, over every endpoint the API maps (the drill's included): each one requires a session with a policy, or is
/// anonymous with its reason stated, and the anonymous ones are exactly those the flows need.
/// </summary>
public sealed class EndpointAccessTests
{
    private static readonly string[] AnonymousByDesign =
    [
        "* /health", "GET /openapi/{documentName}.json",
        "POST /patients/", "POST /patients/{id:guid}/email-verification", "POST /patients/{id:guid}/email-verification/resend", "POST /patients/{id:guid}/phone-verification",
        "POST /auth/login", "POST /auth/mfa", "POST /auth/refresh",
        "POST /webhooks/yousign",
        "GET /internal/check-reflection-period", "GET /internal/check-abandoned-journeys", "POST /internal/lookup",
        "POST /internal/drill/fault", "GET /internal/drill/messages", "POST /internal/drill/staff", "POST /internal/drill/patients/{id:guid}/backdate",
    ];

    [Fact]
    public async Task EveryEndpoint_RequiresASession_OrIsAnonymousWithItsReason()
    {
        await using var host = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["Drill:Enabled"] = "true" });

        var endpoints = Endpoints(host);

        Assert.True(endpoints.Count >= 30, $"{endpoints.Count} endpoints");
        Assert.Empty(Offenders(endpoints));
        Assert.Equal(AnonymousByDesign.Order(), endpoints.Where(static e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(Name).Order());
    }

    [Fact]
    public async Task APathNoEndpointMatches_Is404WithOrWithoutASession_AndNoRefusal()
    {
        await using var host = await ApiHost.StartAsync();
        var client = host.CreateClient();
        var steps = new PatientSteps(host, client);
        var (patient, _) = await steps.RegisterAsync();

        await client.SendAsync(HttpMethod.Get, "/no/such/path", null, System.Net.HttpStatusCode.NotFound);
        await steps.As(patient).SendAsync(HttpMethod.Post, "/internal/drill/fault", new { }, System.Net.HttpStatusCode.NotFound);
        await client.SendAsync(HttpMethod.Get, $"/patients/{patient}", null, System.Net.HttpStatusCode.Unauthorized);

        Assert.Single(host.Events.GetEvents("auth_access_denied"));
        steps.Dispose();
    }

    [Fact]
    public void TheRule_FlagsAnEndpointWithoutPolicy_AndAnAnonymousOneWithoutReason()
    {
        Endpoint[] endpoints =
        [
            Endpoint("/forgotten"),
            Endpoint("/unexplained", new AllowAnonymousAttribute()),
            Endpoint("/explained", new AllowAnonymousAttribute(), new AnonymousReason("Public by design.")),
            Endpoint("/protected", new AuthorizeAttribute()),
        ];

        Assert.Equal(["GET /forgotten", "GET /unexplained"], Offenders(endpoints));
    }

    /// <summary>The API's endpoints, as routing matches them.</summary>
    internal static List<RouteEndpoint> Endpoints(ApiHost host)
        => [.. host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    internal static string Name(RouteEndpoint endpoint)
        => $"{string.Join(",", endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])} {endpoint.RoutePattern.RawText}";

    // An endpoint passes with a policy of its own (IAuthorizeData), or as anonymous with a reason, never by default.
    private static List<string> Offenders(IEnumerable<Endpoint> endpoints)
        => [.. endpoints.OfType<RouteEndpoint>()
            .Where(static e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null
                ? string.IsNullOrWhiteSpace(e.Metadata.GetMetadata<AnonymousReason>()?.Why)
                : e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0)
            .Select(Name)];

    private static RouteEndpoint Endpoint(string pattern, params object[] metadata)
        => new(static _ => Task.CompletedTask, RoutePatternFactory.Parse(pattern), 0, new EndpointMetadataCollection([new HttpMethodMetadata(["GET"]), .. metadata]), pattern);
}
