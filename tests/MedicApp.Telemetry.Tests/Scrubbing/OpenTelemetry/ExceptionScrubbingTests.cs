using System;
using System.Diagnostics;
using System.Linq;
using Xunit;

namespace MedicApp.Telemetry.Tests.Scrubbing.OpenTelemetry;

// A copy keeps the original type only while the runtime's fields that ExceptionScrubbing writes (Exception._message,
// _innerException, AggregateException._innerExceptions, _rocView) exist: a renamed one turns copies into stand-ins,
// and the tests that expect the original types fail.
public sealed class ExceptionScrubbingTests
{
    private const string Email = "jeanne.martin@example.fr";
    private const string Nir = "2 84 05 75 123 456 72";

    [Fact]
    public void HarmlessException_IsReturnedAsItIs()
    {
        var exception = Thrown(new InvalidOperationException("Appointment 42 is already cancelled"));

        Assert.Same(exception, ExceptionScrubbing.Scrub(PiiScrubber.Default, exception));
    }

    [Fact]
    public void PersonalMessage_IsScrubbedInACopyOfTheSameTypeWithTheSameStack()
    {
        var exception = Thrown(new InvalidOperationException($"No patient with email {Email}"));

        var scrubbed = ExceptionScrubbing.Scrub(PiiScrubber.Default, exception);

        Assert.NotSame(exception, scrubbed);
        Assert.IsType<InvalidOperationException>(scrubbed);
        Assert.Equal("No patient with email [email]", scrubbed.Message);
        Assert.Equal($"No patient with email {Email}", exception.Message);
        Assert.Equal(Frames(exception), Frames(scrubbed));
        Assert.NotEmpty(Frames(scrubbed));
    }

    [Fact]
    public void InnerExceptions_AreScrubbedAllTheWayDown()
    {
        var exception = Thrown(new InvalidOperationException("Registration failed",
            Thrown(new FormatException($"NIR {Nir} rejected", Thrown(new TimeoutException($"mail to {Email} bounced"))))));

        var scrubbed = ExceptionScrubbing.Scrub(PiiScrubber.Default, exception);

        Assert.Equal("Registration failed", scrubbed.Message);
        var inner = Assert.IsType<FormatException>(scrubbed.InnerException);
        Assert.Equal("NIR [nir] rejected", inner.Message);
        Assert.Equal("mail to [email] bounced", Assert.IsType<TimeoutException>(inner.InnerException).Message);
        Assert.Equal($"NIR {Nir} rejected", exception.InnerException!.Message);
    }

    [Fact]
    public void AggregateException_HasEveryInnerScrubbed()
    {
        var exception = new AggregateException(Thrown(new InvalidOperationException($"mail to {Email}")), Thrown(new TimeoutException("slow")));

        var scrubbed = Assert.IsType<AggregateException>(ExceptionScrubbing.Scrub(PiiScrubber.Default, exception));

        Assert.Equal(["mail to [email]", "slow"], scrubbed.InnerExceptions.Select(static e => e.Message));
        Assert.Same(scrubbed.InnerExceptions[0], scrubbed.InnerException);
        Assert.DoesNotContain(Email, scrubbed.Message, StringComparison.Ordinal);
        Assert.Same(exception.InnerExceptions[1], scrubbed.InnerExceptions[1]);
    }

    [Fact]
    public void ArgumentException_KeepsItsParameterName()
    {
        var exception = Thrown(new ArgumentException($"{Email} is taken", "email"));

        var scrubbed = Assert.IsType<ArgumentException>(ExceptionScrubbing.Scrub(PiiScrubber.Default, exception));

        Assert.Equal("[email] is taken (Parameter 'email')", scrubbed.Message);
        Assert.Equal("email", scrubbed.ParamName);
    }

    // Its Message adds the value from another field, which a copy of the type would still show.
    [Fact]
    public void ExceptionShowingAPersonalValueOutsideItsMessage_BecomesAStandInNamingTheType()
    {
        var exception = Thrown(new ArgumentOutOfRangeException("email", Email, "Unknown address"));

        var scrubbed = ExceptionScrubbing.Scrub(PiiScrubber.Default, exception);

        Assert.IsType<ScrubbedException>(scrubbed);
        Assert.StartsWith("System.ArgumentOutOfRangeException: Unknown address", scrubbed.Message, StringComparison.Ordinal);
        Assert.Contains("[email]", scrubbed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, scrubbed.Message, StringComparison.Ordinal);
    }

    // A scrubber that keeps nothing changes its own placeholder again: the copy's message is not checked twice.
    [Fact]
    public void RedactingScrubber_CopiesTheTypeWithTheMessageRedacted()
    {
        var exception = Thrown(new InvalidOperationException($"mail to {Email} bounced"));

        var scrubbed = Assert.IsType<InvalidOperationException>(ExceptionScrubbing.Scrub(RedactingTextScrubber.Instance, exception));

        Assert.Equal($"[redacted:{exception.Message.Length}]", scrubbed.Message);
        Assert.Equal(Frames(exception), Frames(scrubbed));
    }

    [Fact]
    public void RedactingScrubber_ExceptionShowingMoreThanItsMessage_BecomesAStandIn()
    {
        var exception = Thrown(new ArgumentOutOfRangeException("email", Email, "Unknown address"));

        var scrubbed = ExceptionScrubbing.Scrub(RedactingTextScrubber.Instance, exception);

        Assert.IsType<ScrubbedException>(scrubbed);
        Assert.DoesNotContain(Email, scrubbed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Unknown address", scrubbed.Message, StringComparison.Ordinal);
    }

    private static string[] Frames(Exception exception)
        => new StackTrace(exception, false).GetFrames().Select(static f => f.GetMethod()!.Name).ToArray();

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
