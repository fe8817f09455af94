using System;

namespace MedicApp.Telemetry;

/// <summary>
/// Declares a business event: the partial method it marks becomes a typed tracking method whose parameters are
/// the event properties. The MedicApp.Telemetry generator writes the method body and checks the declaration.
/// </summary>
/// <example>
/// <code>
/// [TelemetryEvent("patient_registered", Area = "LOG-11", Description = "A patient created an account.")]
/// public partial void PatientRegistered([Pseudonymized] string patientId, RegistrationChannel channel);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TelemetryEventAttribute : Attribute
{
    /// <summary>Declares the event <paramref name="name"/>.</summary>
    /// <param name="name">The snake_case event name, as it appears in <c>customEvents</c> (for example <c>patient_registered</c>).</param>
    public TelemetryEventAttribute(string name) => Name = name;

    /// <summary>Gets the snake_case event name.</summary>
    public string Name { get; }

    /// <summary>Gets or sets what happened, in one sentence, for the people who read the dashboards. Required.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the area the event belongs to: the team, feature or domain that owns it, such as <c>checkout</c>
    /// or <c>LOG-11</c>, sent as <c>event_area</c>. Required: up to <see cref="TelemetryLimits.MaxAreaLength"/>
    /// characters, without control characters or white space around it, and matching the assembly's
    /// <see cref="TelemetryAreaPatternAttribute"/> when it declares one.
    /// </summary>
    public string Area { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the schema version of the event, sent as <c>schema_version</c>. Starts at 1; raise it when a
    /// property changes meaning so queries can tell old rows from new ones.
    /// </summary>
    public int Version { get; set; } = 1;
}
