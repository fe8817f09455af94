namespace MedicApp.Telemetry.Generators.Model;

/// <summary>
/// The C# type a number is handed to the property writer as, so that each is sent exactly: integers up to
/// <c>uint</c> widen to long without loss, ulong keeps its own, floats are not widened to double.
/// </summary>
internal enum NumberType
{
    None,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
}
