using System.Data.Common;
using MedicApp.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace MedicApp.Api.Tests.Hosting;

/// <summary>
/// Fails every write to the telemetry outbox table while <see cref="Armed"/>: a database that fails in the middle of a
/// unit of work, after its state change and before its events are written.
/// </summary>
internal sealed class OutboxWriteFailure : DbCommandInterceptor
{
    private const string OutboxInsert = "INSERT INTO \"TelemetryOutbox\"";

    private int _failures;
    private volatile bool _armed;

    public bool Armed
    {
        get => _armed;
        set => _armed = value;
    }

    /// <summary>Gets how many writes were failed.</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <summary>Adds the interceptor to both of the API's contexts.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteMedicAppDbContext>(options => options.AddInterceptors(this));
        services.ConfigureDbContext<PostgreSqlMedicAppDbContext>(options => options.AddInterceptors(this));
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        => Fail(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Fail(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        => Fail(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(Fail(command, result));

    private T Fail<T>(DbCommand command, T result)
    {
        if (_armed && command.CommandText.Contains(OutboxInsert, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _failures);
            throw new InvalidOperationException("The test failed this write to the telemetry outbox.");
        }

        return result;
    }
}
