namespace MedicApp.Telemetry.Testing;

/// <summary>One difference between a baseline contract and the catalogue, and whether it breaks what reads the events.</summary>
/// <param name="Event">The event it concerns.</param>
/// <param name="Description">What changed, in a sentence.</param>
/// <param name="Kind">Whether it breaks queries, and whether a version bump covers it.</param>
internal sealed record ContractChange(string Event, string Description, ContractChangeKind Kind)
{
    public override string ToString() => Event + ": " + Description;
}

/// <summary>How a contract change affects the queries, dashboards and alerts that read the events.</summary>
internal enum ContractChangeKind
{
    /// <summary>Nothing that reads the events notices: a new event or property, a new enum value, a description.</summary>
    Compatible,

    /// <summary>A breaking change on an event whose version was raised in the same change, so queries can tell them apart.</summary>
    Versioned,

    /// <summary>A breaking change without a version bump: queries would silently read nothing, or the wrong thing.</summary>
    Breaking,
}
