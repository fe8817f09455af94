using System;

namespace MedicApp.Telemetry;

/// <summary>Marks an identifier of a person (patient, account, practitioner, client IP): it is replaced by a keyed, stable HMAC-SHA256 pseudonym before it is sent. Fits string and Guid.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class PseudonymizedAttribute : DataClassificationAttribute
{
    /// <summary>Classifies the property as <see cref="DataClassification.Pseudonymized"/>.</summary>
    /// <param name="description">What the property means, for the generated docs.</param>
    public PseudonymizedAttribute(string? description = null)
        : base(description)
    {
    }

    /// <inheritdoc/>
    public override DataClassification Classification => DataClassification.Pseudonymized;
}
