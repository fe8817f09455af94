using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace MedicApp.Telemetry;

/// <summary>
/// Replaces identifiers with keyed pseudonyms: <c>{keyId}:{32 hex}</c>, the first 128 bits of
/// HMAC-SHA256(key, UTF-8 of the identifier). The same identifier gives the same pseudonym in every process and on
/// every machine that shares the key; without the key a pseudonym cannot be traced back. The key id prefix tells
/// which key made a pseudonym, so keys can rotate. Recent identifiers are cached, so repeated ones cost a lookup.
/// </summary>
/// <remarks>
/// The cache is two-way set associative: an identifier can sit in either entry of its set, so two frequent identifiers
/// that fall in the same set both stay cached instead of evicting each other on every event.
/// </remarks>
public sealed class Pseudonymizer
{
    /// <summary>The shortest key accepted, in bytes (256 bits, the HMAC-SHA256 block strength).</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>The longest key id accepted.</summary>
    public const int MaxKeyIdLength = 8;

    private const int HashBytes = 16;
    private const int DefaultCacheSize = 4096;

    private readonly byte[] _key;
    private readonly StringEntry?[] _strings;
    private readonly GuidEntry?[] _guids;
    private readonly int _setMask;
    private readonly ulong _hashSeed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)));

    /// <summary>Creates a pseudonymizer.</summary>
    /// <param name="key">The secret key, at least <see cref="MinimumKeyLength"/> bytes.</param>
    /// <param name="keyId">The id of the key: 1 to 8 lower-case letters or digits.</param>
    /// <param name="cacheSize">How many recent identifiers of each kind to remember; rounded up to a power of two (at least 2).</param>
    public Pseudonymizer(ReadOnlySpan<byte> key, string keyId, int cacheSize = DefaultCacheSize)
    {
        if (key.Length < MinimumKeyLength)
        {
            throw new ArgumentException($"The pseudonymization key has {key.Length} bytes: it needs at least {MinimumKeyLength}.", nameof(key));
        }

        if (!IsValidKeyId(keyId))
        {
            throw new ArgumentException($"The key id '{keyId}' is not valid: use 1 to {MaxKeyIdLength} lower-case letters or digits.", nameof(keyId));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(cacheSize, 1);
        _key = key.ToArray();
        KeyId = keyId;
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(cacheSize, 2));
        _strings = new StringEntry?[size];
        _guids = new GuidEntry?[size];

        // Sets are pairs of entries; the mask keeps the index of a set's first entry even.
        _setMask = size - 2;
    }

    /// <summary>Gets the key id that prefixes every pseudonym.</summary>
    public string KeyId { get; }

    /// <summary>Gets the length of every pseudonym this instance makes.</summary>
    public int PseudonymLength => KeyId.Length + 1 + (HashBytes * 2);

    /// <summary>Whether <paramref name="keyId"/> can prefix pseudonyms: 1 to 8 lower-case letters or digits.</summary>
    /// <param name="keyId">The candidate key id.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValidKeyId(string? keyId)
    {
        if (string.IsNullOrEmpty(keyId) || keyId.Length > MaxKeyIdLength)
        {
            return false;
        }

        foreach (var c in keyId)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the pseudonym of an identifier.</summary>
    /// <param name="value">The identifier.</param>
    /// <returns>The pseudonym.</returns>
    public string Pseudonymize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var set = IdentifierHash.Compute(value, _hashSeed) & _setMask;
        if (Volatile.Read(ref _strings[set]) is { } first && string.Equals(first.Input, value, StringComparison.Ordinal))
        {
            return first.Pseudonym;
        }

        if (Volatile.Read(ref _strings[set + 1]) is { } second && string.Equals(second.Input, value, StringComparison.Ordinal))
        {
            return second.Pseudonym;
        }

        var pseudonym = Compute(value);
        Insert(_strings, set, new StringEntry(value, pseudonym));
        return pseudonym;
    }

    /// <summary>Returns the pseudonym of a Guid identifier: the same as for its lower-case 36-character form.</summary>
    /// <param name="value">The identifier.</param>
    /// <returns>The pseudonym.</returns>
    public string Pseudonymize(Guid value)
    {
        var set = value.GetHashCode() & _setMask;
        if (Volatile.Read(ref _guids[set]) is { } first && first.Input == value)
        {
            return first.Pseudonym;
        }

        if (Volatile.Read(ref _guids[set + 1]) is { } second && second.Input == value)
        {
            return second.Pseudonym;
        }

        Span<char> text = stackalloc char[36];
        value.TryFormat(text, out _, "D");
        var pseudonym = Compute(text);
        Insert(_guids, set, new GuidEntry(value, pseudonym));
        return pseudonym;
    }

    /// <summary>Returns the pseudonym of an identifier given as characters, without caching it.</summary>
    /// <param name="value">The identifier.</param>
    /// <returns>The pseudonym.</returns>
    public string Pseudonymize(ReadOnlySpan<char> value) => Compute(value);

    // The newest entry takes the set's first place and the one it displaces moves to the second; entries are immutable,
    // so a race between two threads can only lose an entry, never pair an identifier with another's pseudonym.
    private static void Insert<TEntry>(TEntry?[] entries, int set, TEntry entry)
        where TEntry : class
    {
        Volatile.Write(ref entries[set + 1], Volatile.Read(ref entries[set]));
        Volatile.Write(ref entries[set], entry);
    }

    private string Compute(ReadOnlySpan<char> value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        byte[]? rented = null;
        var bytes = byteCount <= 256 ? stackalloc byte[256] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(byteCount));
        try
        {
            var written = Encoding.UTF8.GetBytes(value, bytes);
            Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(_key, bytes[..written], hash);
            Span<char> chars = stackalloc char[PseudonymLength];
            KeyId.CopyTo(chars);
            chars[KeyId.Length] = ':';
            Convert.TryToHexStringLower(hash[..HashBytes], chars[(KeyId.Length + 1)..], out _);
            return new string(chars);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented, clearArray: true);
            }
        }
    }

    private sealed record StringEntry(string Input, string Pseudonym);

    private sealed record GuidEntry(Guid Input, string Pseudonym);
}
