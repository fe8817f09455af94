using System;

namespace MedicApp.Telemetry;

/// <summary>
/// The two independent reasons why no sampler drops a business event, even one tracked inside a sampled-out request.
/// </summary>
[Flags]
internal enum SamplingDefences
{
    /// <summary>Neither: for tests that prove each defence is needed.</summary>
    None = 0,

    /// <summary>The sink's pipeline has no trace-based logs sampler (<c>EnableTraceBasedLogsSampler = false</c>).</summary>
    NoTraceBasedLogsSampler = 1,

    /// <summary>Each record keeps the caller's trace and span ids but is marked recorded, so a trace-based sampler keeps it.</summary>
    RecordedTraceFlags = 2,

    /// <summary>Both, as the sink always runs.</summary>
    All = NoTraceBasedLogsSampler | RecordedTraceFlags,
}
