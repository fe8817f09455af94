using Microsoft.CodeAnalysis;

namespace MedicApp.Telemetry.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Ids are stable: never reuse or renumber one, add new ones at the end, and
/// list them in AnalyzerReleases.Unshipped.md (each is written out in full so that the release tracking can read it).
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "MedicApp.Telemetry";
    private const string HelpLinkBase = Repository.Url + "/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor DuplicateEventName = new DiagnosticDescriptor(
        "MEDTEL0001",
        "Duplicate event name",
        "Event name '{0}' is already declared by '{1}': every event of a compilation needs its own name",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0001");

    public static readonly DiagnosticDescriptor InvalidEventName = new DiagnosticDescriptor(
        "MEDTEL0002",
        "Invalid event name",
        "Event name '{0}' is not snake_case: it must match ^[a-z][a-z0-9]*(_[a-z0-9]+)*$ (for example 'patient_registered')",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0002");

    public static readonly DiagnosticDescriptor EventNameTooLong = new DiagnosticDescriptor(
        "MEDTEL0003",
        "Event name too long",
        "Event name '{0}' has {1} characters: the limit is {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0003");

    public static readonly DiagnosticDescriptor MissingClassification = new DiagnosticDescriptor(
        "MEDTEL0004",
        "Property without a privacy classification",
        "Parameter '{0}' has no privacy classification: add [NotPersonal], [Pseudonymized] or [FreeText]; personal or health data cannot be tracked",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0004");

    public static readonly DiagnosticDescriptor UnsupportedPropertyType = new DiagnosticDescriptor(
        "MEDTEL0005",
        "Unsupported property type",
        "Parameter '{0}' has type '{1}', which cannot be sent: use string, bool, an integer, a floating-point number, an enum, Guid, DateTimeOffset, TimeSpan or their nullable forms{2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0005");

    public static readonly DiagnosticDescriptor DuplicatePropertyName = new DiagnosticDescriptor(
        "MEDTEL0006",
        "Duplicate property name",
        "Property name '{0}' is used twice in event '{1}'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0006");

    public static readonly DiagnosticDescriptor InvalidPropertyName = new DiagnosticDescriptor(
        "MEDTEL0007",
        "Invalid property name",
        "Property name '{0}' is not valid: it must match ^[a-z][a-z0-9]*(_[a-z0-9]+)*$ and have at most {1} characters",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0007");

    public static readonly DiagnosticDescriptor ReservedPropertyName = new DiagnosticDescriptor(
        "MEDTEL0008",
        "Reserved property name",
        "Property name '{0}' is added to every event by MedicApp.Telemetry: choose another name",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0008");

    public static readonly DiagnosticDescriptor TooManyProperties = new DiagnosticDescriptor(
        "MEDTEL0009",
        "Too many properties",
        "Event '{0}' declares {1} properties: MedicApp.Telemetry sends at most {2} per event, its own {3} included",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0009");

    public static readonly DiagnosticDescriptor ClassificationDoesNotFitType = new DiagnosticDescriptor(
        "MEDTEL0010",
        "Classification does not fit the type",
        "Parameter '{0}' of type '{1}' cannot be [{2}]: {3}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0010");

    public static readonly DiagnosticDescriptor PersonalDataIsNeverSent = new DiagnosticDescriptor(
        "MEDTEL0011",
        "Personal data is never sent",
        "Parameter '{0}' is [PersonalData]: personal and health data never leave the process, so it cannot be an event property. Remove it, or send a [Pseudonymized] identifier or a not-personal category instead.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0011");

    public static readonly DiagnosticDescriptor InvalidEventMethod = new DiagnosticDescriptor(
        "MEDTEL0012",
        "Invalid event method",
        "Event method '{0}' must be a partial, non-generic, non-static, non-virtual method returning void, declared without a body: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0012");

    public static readonly DiagnosticDescriptor InvalidCatalogueType = new DiagnosticDescriptor(
        "MEDTEL0013",
        "Invalid catalogue class",
        "Type '{0}' declares events, so it must be a non-generic, non-nested, non-abstract partial class (not a record or a struct)",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0013");

    public static readonly DiagnosticDescriptor MissingDescription = new DiagnosticDescriptor(
        "MEDTEL0014",
        "Event without a description",
        "Event '{0}' has no Description: say what happened, for the people who read the dashboards",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0014");

    public static readonly DiagnosticDescriptor InvalidArea = new DiagnosticDescriptor(
        "MEDTEL0015",
        "Invalid event area",
        "Event '{0}' has area '{1}': {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0015");

    public static readonly DiagnosticDescriptor InvalidSchemaVersion = new DiagnosticDescriptor(
        "MEDTEL0016",
        "Invalid schema version",
        "Event '{0}' has schema version {1}: versions start at 1",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0016");

    public static readonly DiagnosticDescriptor MultipleClassifications = new DiagnosticDescriptor(
        "MEDTEL0017",
        "More than one classification",
        "Parameter '{0}' has several privacy classifications: keep exactly one",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0017");

    public static readonly DiagnosticDescriptor UnsupportedParameterModifier = new DiagnosticDescriptor(
        "MEDTEL0018",
        "Unsupported parameter modifier",
        "Parameter '{0}' is declared '{1}': event parameters are passed by value",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0018");

    public static readonly DiagnosticDescriptor FlagsEnumNotSupported = new DiagnosticDescriptor(
        "MEDTEL0019",
        "Flags enum not supported",
        "Parameter '{0}' has [Flags] enum type '{1}': a combination has no single name to send; use one bool property per flag",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0019");

    public static readonly DiagnosticDescriptor DuplicateEventMethod = new DiagnosticDescriptor(
        "MEDTEL0020",
        "Overloaded event method",
        "Catalogue '{0}' declares more than one event method named '{1}': each event needs its own method name",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0020");

    public static readonly DiagnosticDescriptor DuplicateEnumWireName = new DiagnosticDescriptor(
        "MEDTEL0021",
        "Enum members sent under the same name",
        "Enum '{0}' has members '{1}' and '{2}' that are both sent as '{3}': rename one, or dashboards cannot tell them apart",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0021");

    public static readonly DiagnosticDescriptor CatalogueDeclaresConstructor = new DiagnosticDescriptor(
        "MEDTEL0022",
        "Catalogue with a constructor of its own",
        "Catalogue '{0}' declares a constructor: the generator writes the one that receives the EventPipeline, and an object built by another would lose its events. Remove it.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0022");

    public static readonly DiagnosticDescriptor GeneratedNameClash = new DiagnosticDescriptor(
        "MEDTEL0023",
        "Name taken by the generated code",
        "{0} '{1}' has the name of {2}, which the generator writes: rename it",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0023");

    public static readonly DiagnosticDescriptor BaseClassWithoutParameterlessConstructor = new DiagnosticDescriptor(
        "MEDTEL0024",
        "Catalogue base class without a parameterless constructor",
        "Catalogue '{0}' derives from '{1}', which has no accessible parameterless constructor: the constructor the generator writes calls base(). Add one to '{1}', or derive from another class.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0024");

    public static readonly DiagnosticDescriptor EmptyEnum = new DiagnosticDescriptor(
        "MEDTEL0025",
        "Enum without members",
        "Parameter '{0}' has enum type '{1}', which has no members: every value would be sent as a bare number marked undefined. Add its members, or use another type.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0025");

    public static readonly DiagnosticDescriptor InvalidAreaPattern = new DiagnosticDescriptor(
        "MEDTEL0026",
        "Invalid area pattern",
        "Area pattern '{0}' of [assembly: TelemetryAreaPattern] cannot be used: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0026");

    public static readonly DiagnosticDescriptor LanguageVersionTooOld = new DiagnosticDescriptor(
        "MEDTEL0027",
        "C# version too old for the generated code",
        "Catalogue '{0}' needs C# {1} or later, and the project compiles with C# {2}: the code generated for its events implements static abstract interface members, so none is generated, and AddCatalogue<{0}>() does not compile either. Set <LangVersion>{3}</LangVersion> or later (or latest) in the project file, or remove <LangVersion> to use the default of the target framework.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0027");

    public static readonly DiagnosticDescriptor NotPersonalStringWithoutShape = new DiagnosticDescriptor(
        "MEDTEL0028",
        "Not-personal string without a shape",
        "Parameter '{0}' is a [NotPersonal] string without a shape: any text, a name or an email included, would pass as not personal. Declare the values it takes: AllowedValues = new[] {{ … }}, Pattern = \"^…$\", or MaxLength = n with a Reason; or make it an enum.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0028");

    public static readonly DiagnosticDescriptor InvalidShapePattern = new DiagnosticDescriptor(
        "MEDTEL0029",
        "Invalid not-personal pattern",
        "Pattern '{1}' of parameter '{0}' cannot be used: {2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0029");

    public static readonly DiagnosticDescriptor MaxLengthWithoutReason = new DiagnosticDescriptor(
        "MEDTEL0030",
        "MaxLength without a reason",
        "Parameter '{0}' declares MaxLength = {1} without a Reason: a length accepts any text that short, so say why neither AllowedValues nor a Pattern can describe its values (Reason = \"…\")",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0030");

    public static readonly DiagnosticDescriptor ConflictingShapes = new DiagnosticDescriptor(
        "MEDTEL0031",
        "Conflicting not-personal shapes",
        "Parameter '{0}' declares {1}: a [NotPersonal] string declares exactly one shape. Keep the one that describes its values best (AllowedValues, then Pattern, then MaxLength).",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0031");

    public static readonly DiagnosticDescriptor InvalidAllowedValues = new DiagnosticDescriptor(
        "MEDTEL0032",
        "Invalid allowed values",
        "The AllowedValues of parameter '{0}' cannot be used: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0032");

    public static readonly DiagnosticDescriptor InvalidMaxLength = new DiagnosticDescriptor(
        "MEDTEL0033",
        "Invalid MaxLength",
        "Parameter '{0}' declares MaxLength = {1}: it must be between 1 and {2}, the longest value Application Insights keeps",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0033");

    public static readonly DiagnosticDescriptor ShapeOnNonString = new DiagnosticDescriptor(
        "MEDTEL0034",
        "Shape on a property that is not a string",
        "Parameter '{0}' of type '{1}' declares {2}: only a string has a declared shape (an enum's members are its values; a number, a bool or a Guid cannot hold a name). Remove it.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0034");

    public static readonly DiagnosticDescriptor ReasonWithoutMaxLength = new DiagnosticDescriptor(
        "MEDTEL0035",
        "Reason without MaxLength",
        "Parameter '{0}' declares a Reason without MaxLength: the Reason explains why a length is the only shape of the values. Add MaxLength, or remove the Reason.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + "medtel0035");
}
