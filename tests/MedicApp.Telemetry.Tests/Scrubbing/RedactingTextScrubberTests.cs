using Xunit;

namespace MedicApp.Telemetry.Tests.Scrubbing;

public sealed class RedactingTextScrubberTests
{
    [Theory]
    [InlineData("Patient jeanne.martin@example.fr registered", "[redacted:43]")]
    [InlineData("[redacted:12", "[redacted:12]")]
    [InlineData("[redacted:]", "[redacted:11]")]
    [InlineData("[redacted:1x]", "[redacted:13]")]
    [InlineData("", "")]
    public void Scrub_KeepsOnlyTheLength(string text, string expected)
        => Assert.Equal(expected, RedactingTextScrubber.Instance.Scrub(text));

    // The telemetry processors may see a text twice: an exception event scrubbed when recorded, then with its span.
    [Fact]
    public void Scrub_ItsOwnPlaceholder_ReturnsItAsItIs()
    {
        var once = RedactingTextScrubber.Instance.Scrub("06 12 34 56 78");

        Assert.Same(once, RedactingTextScrubber.Instance.Scrub(once));
    }
}
