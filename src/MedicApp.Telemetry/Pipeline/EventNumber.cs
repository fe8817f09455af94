using System.Globalization;
using System.Runtime.InteropServices;

namespace MedicApp.Telemetry;

/// <summary>
/// A number kept in the type it was tracked with, so that it is sent exactly: a long or ulong as an integer, a float
/// in its own shortest form (0.1f is "0.1", not the double 0.10000000149011612), a decimal without exponent. The
/// values share their storage: a property holds one number.
/// </summary>
[StructLayout(LayoutKind.Explicit)]
internal readonly struct EventNumber
{
    [FieldOffset(0)]
    private readonly long _int64;

    [FieldOffset(0)]
    private readonly ulong _uint64;

    [FieldOffset(0)]
    private readonly float _single;

    [FieldOffset(0)]
    private readonly double _double;

    [FieldOffset(0)]
    private readonly decimal _decimal;

    [FieldOffset(16)]
    private readonly NumberType _type;

    private EventNumber(long value)
    {
        _int64 = value;
        _type = NumberType.Int64;
    }

    private EventNumber(ulong value)
    {
        _uint64 = value;
        _type = NumberType.UInt64;
    }

    private EventNumber(float value)
    {
        _single = value;
        _type = NumberType.Single;
    }

    private EventNumber(double value)
    {
        _double = value;
        _type = NumberType.Double;
    }

    private EventNumber(decimal value)
    {
        _decimal = value;
        _type = NumberType.Decimal;
    }

    private enum NumberType : byte
    {
        Double,
        Int64,
        UInt64,
        Single,
        Decimal,
    }

    public static EventNumber From(long value) => new(value);

    public static EventNumber From(ulong value) => new(value);

    public static EventNumber From(float value) => new(value);

    public static EventNumber From(double value) => new(value);

    public static EventNumber From(decimal value) => new(value);

    /// <summary>Gets the value as a double, which rounds a long or ulong beyond 2^53 and most decimals.</summary>
    public double ToDouble() => _type switch
    {
        NumberType.Int64 => _int64,
        NumberType.UInt64 => _uint64,
        NumberType.Single => _single,
        NumberType.Decimal => (double)_decimal,
        _ => _double,
    };

    /// <summary>Formats the number in the invariant culture, exactly as tracked.</summary>
    public string Format() => _type switch
    {
        NumberType.Int64 => _int64.ToString(CultureInfo.InvariantCulture),
        NumberType.UInt64 => _uint64.ToString(CultureInfo.InvariantCulture),
        NumberType.Single => _single.ToString("R", CultureInfo.InvariantCulture),
        NumberType.Decimal => _decimal.ToString(CultureInfo.InvariantCulture),
        _ => _double.ToString("R", CultureInfo.InvariantCulture),
    };
}
