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

    public static Guid Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, s_processPrefix);
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], Interlocked.Increment(ref s_counter));
        return new Guid(bytes, bigEndian: true);
    }
}
