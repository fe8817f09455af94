namespace MedicApp.Telemetry.Generators.Model;

/// <summary>One enum member: its C# name and the snake_case name sent on the wire.</summary>
internal sealed record EnumMemberModel(string MemberName, string WireName);
