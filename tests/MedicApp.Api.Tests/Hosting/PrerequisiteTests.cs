using MedicApp.Tests.Shared;

namespace MedicApp.Api.Tests.Hosting;

/// <summary>A prerequisite is made ready once per run, and a missing one is explained once.</summary>
public sealed class PrerequisiteTests
{
    [Fact]
    public async Task Prerequisite_AskedByManyTestsAtOnce_IsProvisionedOnce()
    {
        var provisions = 0;
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var prerequisite = new Prerequisite<string>("A server", "Tests.Server_IsReady", () =>
        {
            Interlocked.Increment(ref provisions);
            return release.Task;
        });

        var asks = Enumerable.Range(0, 16).Select(_ => Task.Run(prerequisite.GetAsync)).Append(prerequisite.EnsureAsync()).ToList();
        release.SetResult("Host=127.0.0.1");

        Assert.All(await Task.WhenAll(asks), static value => Assert.Equal("Host=127.0.0.1", value));
        Assert.Equal(1, provisions);
    }

    [Fact]
    public async Task Prerequisite_Missing_ExplainsInItsReportingTestAndNamesItInOneLineElsewhere()
    {
        var explanation = "No server here.\nInstall one: sudo apt-get install a-server";
        var prerequisite = new Prerequisite<string>("A server", "Tests.Server_IsReady", () => throw new PrerequisiteException(explanation));

        var reported = await Assert.ThrowsAsync<PrerequisiteException>(prerequisite.EnsureAsync);
        var dependent = await Assert.ThrowsAsync<PrerequisiteException>(prerequisite.GetAsync);

        Assert.Equal(explanation, reported.Message);
        Assert.Equal("A server is not available: Tests.Server_IsReady says why and what to do.", dependent.Message);
        Assert.Null(dependent.StackTrace);
    }
}
