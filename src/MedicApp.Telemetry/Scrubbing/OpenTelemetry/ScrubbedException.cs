using System;

namespace MedicApp.Telemetry;

/// <summary>
/// Stands, in exported telemetry only, for an exception whose message could not be scrubbed in a copy of its own
/// type. Its message starts with the original type's name.
/// </summary>
internal sealed class ScrubbedException(Type originalType, string scrubbedMessage)
    : Exception($"{originalType.FullName}: {scrubbedMessage}");
