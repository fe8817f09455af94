using System;

namespace MedicApp.Telemetry;

/// <summary>Marks personal or health data (a name, an email, a birth date, a diagnosis). Such data never leaves the process: the generator rejects a property so marked (MEDTEL0011), so the mistake is caught at compile time.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class PersonalDataAttribute : DataClassificationAttribute
{
    /// <summary>Classifies the property as <see cref="DataClassification.PersonalData"/>.</summary>
    /// <param name="description">What the property means, for the generated docs.</param>
    public PersonalDataAttribute(string? description = null)
        : base(description)
    {
    }

    /// <inheritdoc/>
    public override DataClassification Classification => DataClassification.PersonalData;
}
