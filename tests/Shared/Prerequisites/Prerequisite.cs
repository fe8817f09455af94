using System;
using System.Threading;
using System.Threading.Tasks;

namespace MedicApp.Tests.Shared;

/// <summary>
/// Something the tests need from the machine (a PostgreSQL server, the Kusto language service on Node.js), made ready
/// once per test process by whichever test asks first: tests run in parallel, so the first ask starts the work and the
/// others wait for it. When it cannot be made ready, the run is red and says so once: the test that reports the
/// prerequisite fails with what is missing and how to install it (<see cref="EnsureAsync"/>), and each test that
/// depends on it fails with one line naming that test (<see cref="GetAsync"/>), not with the whole explanation again.
/// </summary>
/// <typeparam name="T">What the tests get once it is ready (a connection string, a path).</typeparam>
internal sealed class Prerequisite<T>
{
    private readonly Lazy<Task<T>> _value;

    /// <param name="name">What is needed, as the one-line failure names it.</param>
    /// <param name="reportingTest">The test that calls <see cref="EnsureAsync"/>, as <c>Class.Method</c>.</param>
    /// <param name="provision">Finds or makes it ready; throws a <see cref="PrerequisiteException"/> that says what to install.</param>
    public Prerequisite(string name, string reportingTest, Func<Task<T>> provision)
    {
        Name = name;
        ReportingTest = reportingTest;
        // On the thread pool: a provision that blocks (a process, a lock between processes) holds none of the test threads.
        _value = new Lazy<Task<T>>(() => Task.Run(provision), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Name { get; }

    public string ReportingTest { get; }

    /// <summary>For the test that reports the prerequisite: its value, or the failure that explains what is missing.</summary>
    public Task<T> EnsureAsync() => _value.Value;

    /// <summary>For the tests that depend on it: its value, or a one-line failure that names the test that explains.</summary>
    public async Task<T> GetAsync()
    {
        try
        {
            return await _value.Value.ConfigureAwait(false);
        }
        catch (Exception)
        {
            throw new PrerequisiteException($"{Name} is not available: {ReportingTest} says why and what to do.");
        }
    }
}
