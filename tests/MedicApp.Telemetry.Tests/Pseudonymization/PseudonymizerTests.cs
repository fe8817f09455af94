using System;
using System.Text;
using Xunit;

namespace MedicApp.Telemetry.Tests.Pseudonymization;

public sealed class PseudonymizerTests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef");

    [Fact]
    public void Pseudonymize_SameInputAndKey_SameFixedLengthPseudonymInEveryInstance()
    {
        var first = new Pseudonymizer(Key, "k1");
        var second = new Pseudonymizer(Key, "k1", cacheSize: 1);

        var pseudonym = first.Pseudonymize("patient-42");

        Assert.Equal(pseudonym, second.Pseudonymize("patient-42"));
        Assert.Equal(first.PseudonymLength, pseudonym.Length);
        Assert.Matches("^k1:[0-9a-f]{32}$", pseudonym);
        Assert.Equal(first.PseudonymLength, first.Pseudonymize(new string('x', 5000)).Length);
    }

    [Fact]
    public void Pseudonymize_KnownVector_IsTruncatedHmacSha256()
    {
        var pseudonymizer = new Pseudonymizer(Key, "k1");
        var expected = "k1:" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes("patient-42")))[..32];

        Assert.Equal(expected, pseudonymizer.Pseudonymize("patient-42"));
    }

    [Fact]
    public void Pseudonymize_OtherKeyOrInput_DiffersAndKeyIdShows()
    {
        var k1 = new Pseudonymizer(Key, "k1");
        var k2 = new Pseudonymizer(Encoding.ASCII.GetBytes("fedcba9876543210fedcba9876543210"), "k2");

        Assert.NotEqual(k1.Pseudonymize("a"), k1.Pseudonymize("b"));
        Assert.NotEqual(k1.Pseudonymize("a")[3..], k2.Pseudonymize("a")[3..]);
        Assert.StartsWith("k2:", k2.Pseudonymize("a"), StringComparison.Ordinal);
    }

    [Fact]
    public void Pseudonymize_Guid_EqualsItsStringForm()
    {
        var pseudonymizer = new Pseudonymizer(Key, "k1");
        var id = Guid.NewGuid();

        Assert.Equal(pseudonymizer.Pseudonymize(id.ToString("D")), pseudonymizer.Pseudonymize(id));
        Assert.Equal(pseudonymizer.Pseudonymize(id), pseudonymizer.Pseudonymize(id));
    }

    [Fact]
    public void Pseudonymize_CacheCollision_StillReturnsRightPseudonym()
    {
        var cached = new Pseudonymizer(Key, "k1", cacheSize: 1);
        var reference = new Pseudonymizer(Key, "k1");

        for (var i = 0; i < 50; i++)
        {
            var value = "id-" + (i % 7);
            Assert.Equal(reference.Pseudonymize(value), cached.Pseudonymize(value));
        }
    }

    [Fact]
    public void Pseudonymize_TwoIdentifiersSharingASet_BothStayCached()
    {
        // Two entries make one set, so both identifiers fall in it; a cached pseudonym comes back as the same instance.
        var pseudonymizer = new Pseudonymizer(Key, "k1", cacheSize: 2);
        var first = pseudonymizer.Pseudonymize("patient-1");
        var second = pseudonymizer.Pseudonymize("patient-2");

        for (var i = 0; i < 3; i++)
        {
            Assert.Same(first, pseudonymizer.Pseudonymize("patient-1"));
            Assert.Same(second, pseudonymizer.Pseudonymize("patient-2"));
        }
    }

    [Fact]
    public void Constructor_ShortKey_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => new Pseudonymizer(new byte[31], "k1"));
        Assert.Contains("at least 32", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("K1")]
    [InlineData("k-1")]
    [InlineData("toolongid")]
    public void Constructor_InvalidKeyId_Throws(string keyId)
        => Assert.Throws<ArgumentException>(() => new Pseudonymizer(Key, keyId));
}
