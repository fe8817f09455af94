using System;

namespace MedicApp.Tests.Shared;

/// <summary>
/// A prerequisite of the tests is missing: the message says what and how to install it. It reports no stack trace,
/// which would only show where the tests found out, many times over in a run's output.
/// </summary>
internal sealed class PrerequisiteException(string message) : Exception(message)
{
    public override string? StackTrace => null;
}
