using System;
using System.IO;
using MedicApp.Telemetry;
using MedicApp.Telemetry.Events;
using MedicApp.Telemetry.Contracts;

// Writes the contract files of the MedicApp catalogue: docs/events.md and docs/events.schema.json.
// Usage: dotnet run --project tools/MedicApp.Telemetry.Contracts [-- <docs folder>]
var folder = args.Length > 0 ? args[0] : Path.Combine(RepositoryRoot.Find(), "docs");
Directory.CreateDirectory(folder);
foreach (var (name, content) in ContractRenderer.Render(EventTracker.Catalogue))
{
    var path = Path.Combine(folder, name);
    File.WriteAllText(path, content);
    Console.WriteLine("wrote " + path);
}
