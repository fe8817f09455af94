using System;

namespace MedicApp.Telemetry;

/// <summary>Marks a property that holds no personal data: it is sent as is.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class NotPersonalAttribute : DataClassificationAttribute
{
    /// <summary>Classifies the property as <see cref="DataClassification.NotPersonal"/>.</summary>
    /// <param name="description">What the property means, for the generated docs.</param>
    public NotPersonalAttribute(string? description = null)
        : base(description)
    {
    }

    /// <inheritdoc/>
    public override DataClassification Classification => DataClassification.NotPersonal;
}
