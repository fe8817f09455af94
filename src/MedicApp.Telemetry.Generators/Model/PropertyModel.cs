namespace MedicApp.Telemetry.Generators.Model;

/// <summary>One parameter of an event method, as a property of the event.</summary>
/// <param name="ParameterName">The C# parameter name, as written (escaped with @ when needed).</param>
/// <param name="MemberName">The PascalCase name of the property on the generated event struct.</param>
/// <param name="WireName">The snake_case key sent to the sinks.</param>
/// <param name="TypeName">The fully qualified C# type, with its nullable annotation.</param>
/// <param name="ClrTypeName">The type as shown in the catalogue metadata and docs.</param>
/// <param name="Kind">The wire kind.</param>
/// <param name="IsNullableValueType">Whether the type is <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="IsOptional">Whether a value may be absent (nullable value type or annotated reference).</param>
/// <param name="Classification">The privacy classification, as declared.</param>
/// <param name="Description">What the property means, for the docs.</param>
/// <param name="EnumTypeName">The fully qualified enum type, for enum properties.</param>
/// <param name="EnumMembers">The enum members, for enum properties.</param>
/// <param name="Number">The type a number is written as, for integer and floating-point properties.</param>
/// <param name="Shape">The declared shape of a <c>[NotPersonal]</c> string, if any.</param>
internal sealed record PropertyModel(
    string ParameterName,
    string MemberName,
    string WireName,
    string TypeName,
    string ClrTypeName,
    PropertyKind Kind,
    bool IsNullableValueType,
    bool IsOptional,
    Classification Classification,
    string Description,
    string? EnumTypeName,
    ImmutableEquatableArray<EnumMemberModel> EnumMembers,
    NumberType Number = NumberType.None,
    StringShapeModel? Shape = null);
