using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Chat.Web.Tests.Support;

/// <summary>
/// Keeps what the server logs at warning level and above, so a test can show that
/// a bad request was refused on purpose and did not end in an unexpected failure.
/// </summary>
public sealed class ServerLog : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public sealed record Entry(LogLevel Level, string Category, string Text, Exception? Error);

    /// <summary>Everything kept, warnings included.</summary>
    public IReadOnlyList<Entry> Entries => [.. _entries];

    public IReadOnlyList<Entry> Errors => [.. _entries.Where(e => e.Level >= LogLevel.Error)];

    /// <summary>
    /// Errors other than SignalR's own log line for a refused hub call (it logs every
    /// <c>HubException</c>, which is how the hub refuses on purpose).
    /// </summary>
    public IReadOnlyList<Entry> Unexpected =>
        [.. Errors.Where(e => !(e.Category.EndsWith(".DefaultHubDispatcher", StringComparison.Ordinal) && e.Error is HubException))];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception));
            }
        }
    }
}
