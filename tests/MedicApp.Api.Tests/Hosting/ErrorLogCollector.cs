using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MedicApp.Api.Tests.Hosting;

/// <summary>
/// Keeps the API's log records at error level and above: in production each becomes an exception or an error trace in
/// Application Insights, and may raise an alert.
/// </summary>
internal sealed class ErrorLogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<ErrorLog> _errors = new();

    public IReadOnlyList<ErrorLog> Errors => [.. _errors];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _errors);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<ErrorLog> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                errors.Enqueue(new ErrorLog(logLevel, category, formatter(state, exception), exception));
            }
        }
    }
}

/// <summary>A log record at error level or above.</summary>
internal sealed record ErrorLog(LogLevel Level, string Category, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message} {Exception?.GetType().Name}";
}
