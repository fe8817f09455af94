using Xunit;

namespace MedicApp.Telemetry.Tests.Scrubbing.OpenTelemetry;

public sealed class PercentDecodingScrubberTests
{
    private readonly ITextScrubber _scrubber = PercentDecodingScrubber.Wrap(PiiScrubber.Default);

    [Theory]
    [InlineData("GET /patients/2%2084%2005%2075%20123%20456%2072", "GET /patients/[nir]")]
    [InlineData("http://api/accounts/FR76%203000%206000%200112%203456%207890%20189", "http://api/accounts/[iban]")]
    [InlineData("Request starting HTTP/1.1 GET http://api/patients/%2B33%206%2098%2076%2054%2031", "Request starting HTTP/1.1 GET http://api/patients/[phone]")]
    [InlineData("/patients/jeanne.martin%40example.fr", "/patients/[email]")]
    public void EncodedPersonalValue_IsFoundAndTheTextSentDecoded(string text, string expected)
        => Assert.Equal(expected, _scrubber.Scrub(text));

    [Theory]
    [InlineData("/search?q=caf%C3%A9%20cr%C3%A8me")]
    [InlineData("progress 100% %zz %2")]
    [InlineData("/patients/0193a6f6-0000-7000-8000-000000000000")]
    public void TextWithoutPersonalValue_IsReturnedAsItIs(string text)
        => Assert.Same(text, _scrubber.Scrub(text));

    [Fact]
    public void Scrub_ItsOwnOutput_ReturnsItAsItIs()
    {
        var once = _scrubber.Scrub("/patients/06%2098%2076%2054%2032/signatures");

        Assert.Same(once, _scrubber.Scrub(once));
    }

    [Fact]
    public void Wrap_RedactingScrubber_IsLeftAsItIs()
        => Assert.Same(RedactingTextScrubber.Instance, PercentDecodingScrubber.Wrap(RedactingTextScrubber.Instance));
}
