using MedicApp.Telemetry.Generators.Model;
using Microsoft.CodeAnalysis;

namespace MedicApp.Telemetry.Generators.Parsing;

/// <summary>Maps a parameter type to the wire kind it is sent as.</summary>
internal static class PropertyTypeReader
{
    /// <summary>The result of reading a type: its kind, or why it cannot be sent.</summary>
    public readonly struct Result
    {
        public Result(PropertyKind? kind, ITypeSymbol underlying, bool isNullableValueType, string hint, NumberType number = NumberType.None)
        {
            Kind = kind;
            Number = number;
            Underlying = underlying;
            IsNullableValueType = isNullableValueType;
            Hint = hint;
        }

        public PropertyKind? Kind { get; }

        /// <summary>The type a number is written as; <see cref="NumberType.None"/> for other kinds.</summary>
        public NumberType Number { get; }

        public ITypeSymbol Underlying { get; }

        public bool IsNullableValueType { get; }

        /// <summary>An extra sentence for the unsupported-type diagnostic, or empty.</summary>
        public string Hint { get; }
    }

    public static Result Read(ITypeSymbol type)
    {
        var isNullableValueType = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
            isNullableValueType = true;
        }

        var number = type.SpecialType switch
        {
            SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 => NumberType.Int64,
            SpecialType.System_UInt64 => NumberType.UInt64,
            SpecialType.System_Single => NumberType.Single,
            SpecialType.System_Double => NumberType.Double,
            SpecialType.System_Decimal => NumberType.Decimal,
            _ => NumberType.None,
        };
        PropertyKind? kind = number switch
        {
            NumberType.Int64 or NumberType.UInt64 => PropertyKind.Integer,
            NumberType.Single or NumberType.Double or NumberType.Decimal => PropertyKind.FloatingPoint,
            _ => type.SpecialType switch
            {
                SpecialType.System_String => PropertyKind.String,
                SpecialType.System_Boolean => PropertyKind.Boolean,
                _ => null,
            },
        };

        if (kind is null)
        {
            var metadataName = type.ContainingNamespace is null ? type.Name : type.ContainingNamespace.ToDisplayString() + "." + type.MetadataName;
            kind = type.TypeKind == TypeKind.Enum ? PropertyKind.Enum : metadataName switch
            {
                KnownNames.Guid => PropertyKind.Guid,
                KnownNames.DateTimeOffset => PropertyKind.DateTimeOffset,
                KnownNames.TimeSpan => PropertyKind.TimeSpan,
                _ => null,
            };

            if (kind is null)
            {
                var hint = metadataName == KnownNames.DateTime
                    ? ". DateTime has no offset and is ambiguous once it leaves the process: use DateTimeOffset"
                    : string.Empty;
                return new Result(null, type, isNullableValueType, hint);
            }
        }

        return new Result(kind, type, isNullableValueType, string.Empty, number);
    }
}
