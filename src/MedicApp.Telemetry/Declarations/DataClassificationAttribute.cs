using System;

namespace MedicApp.Telemetry;

/// <summary>The base of the attributes that classify an event property. Exactly one goes on each property.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public abstract class DataClassificationAttribute : Attribute
{
    /// <summary>Classifies a property and says what it means.</summary>
    /// <param name="description">What the property means, for the generated docs.</param>
    protected DataClassificationAttribute(string? description) => Description = description ?? string.Empty;

    /// <summary>Gets the classification this attribute stands for.</summary>
    public abstract DataClassification Classification { get; }

    /// <summary>Gets or sets what the property means, for the generated docs.</summary>
    public string Description { get; set; }

    /// <summary>
    /// Gets or sets the snake_case key sent for the property. By default the parameter name in snake_case, with
    /// <c>_ms</c> appended for a <see cref="TimeSpan"/> (sent in milliseconds).
    /// </summary>
    public string? Name { get; set; }
}
