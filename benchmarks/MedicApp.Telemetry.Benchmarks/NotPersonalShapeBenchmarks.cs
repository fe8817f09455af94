using System;
using BenchmarkDotNet.Attributes;
using MedicApp.Telemetry.Events;
using Microsoft.Extensions.DependencyInjection;

namespace MedicApp.Telemetry.Benchmarks;

/// <summary>
/// What the run-time checks of a not-personal string cost the calling thread: its declared shape, then the text
/// scrubber's look for personal data. Each benchmark tracks a one-property event of <see cref="ShapeCheckEvents"/> up to
/// a sink that does nothing; the baseline's property is an enum, which has nothing of the kind to check.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(TrackerUnderTest.EventsPerIteration)]
public class NotPersonalShapeBenchmarks
{
    private TrackerUnderTest? _generated;
    private ShapeCheckEvents _events = null!;

    /// <summary>Sets up the enum baseline.</summary>
    [GlobalSetup(Target = nameof(Enum))]
    public void SetUpEnum() => SetUp(Enum);

    /// <summary>Sets up the closed list.</summary>
    [GlobalSetup(Target = nameof(AllowedValues))]
    public void SetUpAllowedValues() => SetUp(AllowedValues);

    /// <summary>Sets up the pattern.</summary>
    [GlobalSetup(Target = nameof(Pattern))]
    public void SetUpPattern() => SetUp(Pattern);

    /// <summary>Sets up the maximum length.</summary>
    [GlobalSetup(Target = nameof(MaxLength))]
    public void SetUpMaxLength() => SetUp(MaxLength);

    /// <summary>Sets up the withheld value.</summary>
    [GlobalSetup(Target = nameof(AllowedValues_PersonalValueWithheld))]
    public void SetUpWithheld() => SetUp(AllowedValues_PersonalValueWithheld);

    /// <summary>An enum: its value is one of its members.</summary>
    [Benchmark(Baseline = true)]
    public void Enum() => _events.EnumChecked(ClientChannel.Web);

    /// <summary>A string from a closed list of 11 locales, then the scrubber.</summary>
    [Benchmark]
    public void AllowedValues() => _events.AllowedValuesChecked("fr-FR");

    /// <summary>A clinic reference matched by the linear-time regular expression engine, then the scrubber.</summary>
    [Benchmark]
    public void Pattern() => _events.PatternChecked("clinic-paris-8");

    /// <summary>A campaign code within its maximum length, then the scrubber.</summary>
    [Benchmark]
    public void MaxLength() => _events.MaxLengthChecked("spring-2026-newsletter");

    /// <summary>An email passed as a locale: withheld, named in <c>event_warnings</c> and counted. A defect's path, not a steady one.</summary>
    [Benchmark]
    public void AllowedValues_PersonalValueWithheld() => _events.AllowedValuesChecked("jd@example.fr");

    /// <summary>Sends everything the iteration tracked.</summary>
    [IterationCleanup]
    public void Flush() => _generated?.Flush();

    /// <summary>Fails the run if any event was lost, then shuts everything down.</summary>
    [GlobalCleanup]
    public void VerifyNothingWasLost()
    {
        try
        {
            _generated?.VerifyNothingWasLost();
        }
        finally
        {
            _generated?.Dispose();
        }
    }

    // The catalogue over the no-op sink, then the benchmark run until the JIT has optimized it.
    private void SetUp(Action benchmark)
    {
        _generated = TrackerUnderTest.Build(static services => services
            .AddMedicAppTelemetry(static options =>
            {
                // No default sink: the no-op sink is the only one.
                options.Local.Enabled = false;
                options.Pseudonymization.Key = TrackerUnderTest.PseudonymizationKey;
            })
            .AddCatalogue<ShapeCheckEvents>()
            .AddSink<NoOpEventSink>());
        if (_generated.Pipeline.Sinks is not [NoOpEventSink])
        {
            throw new InvalidOperationException("The no-op sink must be the only sink of this benchmark.");
        }

        _events = _generated.GetRequiredService<ShapeCheckEvents>();
        TrackerUnderTest.WarmUp(benchmark, Flush);
    }
}
