using System.Diagnostics;
using System.Text;
using Xunit;

namespace MedicApp.Telemetry.Tests.Scrubbing;

/// <summary>
/// Inputs built to make a scanner read again what it read, one per trigger and anchor: ten times the text must take
/// about ten times as long, far from the hundred times of a quadratic read. The fastest of five runs is taken and the
/// bound is loose, for machines shared with other work.
/// </summary>
public sealed class PiiScrubberLinearityTests
{
    private const int Small = 100_000;
    private const double MaxRatio = 40;

    [Theory]
    [InlineData("1 2 ")]
    [InlineData("a@b.")]
    [InlineData("eyJ-")]
    [InlineData("ab:")]
    [InlineData("auth:")]
    [InlineData("a=b=")]
    [InlineData("xkey=a.")]
    [InlineData("\"akey\":\"a")]
    [InlineData("%20%40")]
    [InlineData("sk_live_")]
    [InlineData("token ")]
    [InlineData("-----BEGIN ")]
    [InlineData("né le 12/03/")]
    [InlineData("MFA code 1234 ")]
    [InlineData("x://a:b@")]
    public void Scrub_TenTimesTheText_TakesAboutTenTimesAsLong(string unit)
    {
        var small = Repeat(unit, Small);
        var large = Repeat(unit, Small * 10);

        var ratio = Fastest(large) / Fastest(small);

        Assert.True(ratio < MaxRatio, $"'{unit}': {ratio:F1} times as long for 10 times the text");
    }

    private static double Fastest(string text)
    {
        var best = double.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            PiiScrubber.Default.Scrub(text);
            best = System.Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        return best;
    }

    private static string Repeat(string unit, int size)
    {
        var builder = new StringBuilder(size + unit.Length);
        while (builder.Length < size)
        {
            builder.Append(unit);
        }

        return builder.ToString(0, size);
    }
}
