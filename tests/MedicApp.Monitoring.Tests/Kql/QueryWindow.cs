namespace MedicApp.Monitoring.Tests.Kql;

/// <summary>The span a query runs over (ISO 8601), and how often when a log alert runs it.</summary>
internal sealed record QueryWindow(string Window, string? Every);
