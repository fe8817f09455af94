namespace MedicApp.Monitoring.Tests.Bicep;

/// <summary>An alert rule's schedule and condition, as the template or a table row states it.</summary>
internal sealed record AlertRow(
    string Name, string Frequency, string Window, string Measure, string? Aggregation, string Operator, string Threshold, string? Dimension, bool Stateful, int Severity);
