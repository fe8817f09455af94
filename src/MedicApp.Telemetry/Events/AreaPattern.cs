using MedicApp.Telemetry;

// MedicApp's areas are the lots of its sprint, LOG-11 to LOG-16: the dashboards and alerts group events by them.
[assembly: TelemetryAreaPattern("^LOG-[0-9]{2}$", Example = "LOG-11")]
