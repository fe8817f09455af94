using BenchmarkDotNet.Running;
using MedicApp.Telemetry.Benchmarks;

// dotnet run -c Release --project benchmarks/MedicApp.Telemetry.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(PatientRegisteredBenchmarks).Assembly).Run(args);
