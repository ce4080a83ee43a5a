using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Chat.Web.Tests.Support;

/// <summary>
/// Keeps what the server logs at warning level and above, so a test can show that
/// a bad request was refused on purpose and did not end in an unexpected failure;
/// and, from the categories named, information too.
/// </summary>
/// <param name="informationFrom">Categories whose information a test reads (a sweeper's report).</param>
public sealed class ServerLog(params string[] informationFrom) : ILoggerProvider
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

    /// <summary>
    /// Errors, and the service's own warnings, except the slow-use-case warning: on a
    /// loaded test machine a use case can take longer than its threshold without
    /// anything being wrong.
    /// </summary>
    public IReadOnlyList<Entry> Problems =>
        [.. _entries.Where(e => e.Level >= LogLevel.Error
            || (e.Level == LogLevel.Warning
                && e.Category.StartsWith("Chat.", StringComparison.Ordinal)
                && !e.Category.StartsWith(SlowUseCaseCategory, StringComparison.Ordinal)))];

    private const string SlowUseCaseCategory = "Chat.Application.Common.Behaviours.PerformanceBehaviour";

    public ILogger CreateLogger(string categoryName) =>
        new Logger(categoryName, informationFrom.Contains(categoryName) ? LogLevel.Information : LogLevel.Warning, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, LogLevel least, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= least && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception));
            }
        }
    }
}
