using System;

namespace MedicApp.Telemetry;

/// <summary>Marks free text that may hold personal values: it goes through the registered text scrubber before it is sent. Fits string.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class FreeTextAttribute : DataClassificationAttribute
{
    /// <summary>Classifies the property as <see cref="DataClassification.FreeText"/>.</summary>
    /// <param name="description">What the property means, for the generated docs.</param>
    public FreeTextAttribute(string? description = null)
        : base(description)
    {
    }

    /// <inheritdoc/>
    public override DataClassification Classification => DataClassification.FreeText;
}
