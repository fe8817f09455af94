namespace MedicApp.Telemetry.Generators.Model;

/// <summary>
/// One event method of a catalogue, ready to emit. It holds no location: moving the declaration (a line inserted above
/// it) must leave the model equal, so the emission step stays cached.
/// </summary>
/// <param name="MethodName">The partial method the generator implements.</param>
/// <param name="Modifiers">The method's accessibility modifiers, repeated on the implementation.</param>
/// <param name="Name">The snake_case event name.</param>
/// <param name="Description">What the event means.</param>
/// <param name="Area">The area the event belongs to (for example LOG-11).</param>
/// <param name="Version">The schema version of the event.</param>
/// <param name="Parameters">The parameter list as declared, repeated on the implementation.</param>
/// <param name="Properties">The event properties, in parameter order.</param>
/// <param name="IsValid">False when a diagnostic was reported: the method then gets an empty body.</param>
internal sealed record EventModel(
    string MethodName,
    string Modifiers,
    string Name,
    string Description,
    string Area,
    int Version,
    string Parameters,
    ImmutableEquatableArray<PropertyModel> Properties,
    bool IsValid);
