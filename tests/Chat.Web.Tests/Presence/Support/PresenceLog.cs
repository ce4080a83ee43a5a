using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Chat.Web.Tests.Presence.Support;

/// <summary>Keeps what a server process logs at warning level and above, and everything its presence sweeper logs.</summary>
public sealed class PresenceLog : ILoggerProvider
{
    private const string SweeperCategory = "Chat.Infrastructure.Presence.PresenceSweeper";

    private readonly ConcurrentQueue<Entry> _entries = new();

    public sealed record Entry(LogLevel Level, string Category, string Text, Exception? Error);

    /// <summary>
    /// Errors, and the service's own warnings (a failed sweep is one). The framework's
    /// warnings about the test host (no wwwroot, keys stored unencrypted) are not.
    /// </summary>
    public IReadOnlyList<Entry> Problems =>
        [.. _entries.Where(e => e.Level >= LogLevel.Error || (e.Level == LogLevel.Warning && e.Category.StartsWith("Chat.", StringComparison.Ordinal)))];

    /// <summary>How many players this process's sweeps took out, as they reported it.</summary>
    public int PlayersExpired =>
        _entries.Where(e => e.Category == SweeperCategory && e.Text.EndsWith("players left their sessions after the disconnect grace period", StringComparison.Ordinal))
            .Sum(e => int.Parse(e.Text.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= LogLevel.Warning || (category == SweeperCategory && logLevel >= LogLevel.Information);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception));
            }
        }
    }
}
