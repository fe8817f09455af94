using System.Net;
using MedicApp.Api.Tests.Hosting;

namespace MedicApp.Api.Tests.InternalJobs;

/// <summary>The key matrix of both jobs, over a real Kestrel server: headers travel as a client sends them.</summary>
public sealed class InternalJobKeyTests : IAsyncLifetime
{
    private ApiHost _open = null!;
    private ApiHost _closed = null!;

    public static TheoryData<string> Jobs => ["check-reflection-period", "check-abandoned-journeys"];

    public async Task InitializeAsync()
    {
        _open = await ApiHost.StartAsync(kestrel: true);
        _closed = await ApiHost.StartAsync(settings: new Dictionary<string, string?> { ["INTERNAL_JOBS_KEY"] = null }, kestrel: true);
    }

    public async Task DisposeAsync()
    {
        await _open.DisposeAsync();
        await _closed.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Jobs))]
    public async Task Job_RightKey_Is200WithTheCount(string job)
    {
        var answer = await Client(_open).SendAsync(HttpMethod.Get, $"/internal/{job}", null, HttpStatusCode.OK, Key(ApiHost.InternalKey));

        Assert.Equal(0, answer.GetProperty("processed").GetInt32());
        Assert.Equal(job, answer.GetProperty("job").GetString());
    }

    [Theory]
    [MemberData(nameof(Jobs))]
    public async Task Job_NoHeader_Is401(string job)
        => await Client(_open).SendAsync(HttpMethod.Get, $"/internal/{job}", null, HttpStatusCode.Unauthorized);

    [Theory]
    [MemberData(nameof(Jobs))]
    public async Task Job_WrongKey_Is401(string job)
    {
        await Client(_open).SendAsync(HttpMethod.Get, $"/internal/{job}", null, HttpStatusCode.Unauthorized, Key(ApiHost.InternalKey + "x"));
        await Client(_open).SendAsync(HttpMethod.Get, $"/internal/{job}", null, HttpStatusCode.Unauthorized, Key(ApiHost.InternalKey.ToUpperInvariant()));
        await Client(_open).SendAsync(HttpMethod.Get, $"/internal/{job}", null, HttpStatusCode.Unauthorized, Key(""));
    }

    [Theory]
    [MemberData(nameof(Jobs))]
    public async Task Job_NoKeyConfigured_Is503WhateverIsSent(string job)
    {
        await Client(_closed).SendAsync(HttpMethod.Get, $"/internal/{job}", null, HttpStatusCode.ServiceUnavailable);
        await Client(_closed).SendAsync(HttpMethod.Get, $"/internal/{job}", null, HttpStatusCode.ServiceUnavailable, Key(ApiHost.InternalKey));
        await Client(_closed).SendAsync(HttpMethod.Get, $"/internal/{job}", null, HttpStatusCode.ServiceUnavailable, Key(""));
    }

    [Fact]
    public async Task Job_TwoKeyHeaders_Is401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/internal/check-reflection-period");
        request.Headers.TryAddWithoutValidation("X-Internal-Key", [ApiHost.InternalKey, ApiHost.InternalKey]);

        using var response = await Client(_open).SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static HttpClient Client(ApiHost host) => host.CreateClient();

    private static Dictionary<string, string> Key(string value) => new() { ["X-Internal-Key"] = value };
}
