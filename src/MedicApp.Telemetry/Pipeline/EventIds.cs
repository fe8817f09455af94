using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Threading;

namespace MedicApp.Telemetry;

/// <summary>
/// Makes the <c>event_id</c> of each event: 8 random bytes drawn once per process, then a counter. Unique across
/// processes with overwhelming probability and across the calls of a process by construction, for a few
/// nanoseconds instead of a cryptographic draw per event.
/// </summary>
internal static class EventIds
{
    private static readonly ulong s_processPrefix = BinaryPrimitives.ReadUInt64LittleEndian(RandomNumberGenerator.GetBytes(8));
    private static long s_counter = BinaryPrimitives.ReadInt64LittleEndian(RandomNumberGenerator.GetBytes(8));

    // The Guid whose 16 bytes, read big-endian, are the prefix then the counter; built from its fields, which costs
    // less than writing the bytes and parsing them back on every event.
    public static Guid Next()
    {
        var prefix = s_processPrefix;
        var counter = (ulong)Interlocked.Increment(ref s_counter);
        return new Guid(
            (int)(prefix >> 32),
            (short)(prefix >> 16),
            (short)prefix,
            (byte)(counter >> 56),
            (byte)(counter >> 48),
            (byte)(counter >> 40),
            (byte)(counter >> 32),
            (byte)(counter >> 24),
            (byte)(counter >> 16),
            (byte)(counter >> 8),
            (byte)counter);
    }
}
