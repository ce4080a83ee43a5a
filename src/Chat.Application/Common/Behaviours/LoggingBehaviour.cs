using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Chat.Application.Common.Behaviours;

/// <summary>Logs each use case with its duration; Debug level, so the send path pays nothing in production.</summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string UseCase = typeof(TMessage).Name;

    public ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);

        // Not async on this path: no state machine for a behaviour that does nothing.
        return logger.IsEnabled(LogLevel.Debug) ? Timed(message, next, cancellationToken) : next(message, cancellationToken);
    }

    private async ValueTask<TResponse> Timed(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            Handled(UseCase, elapsed.TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            Refused(UseCase, ex);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{UseCase} handled in {ElapsedMs:0.0} ms")]
    private partial void Handled(string useCase, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{UseCase} refused")]
    private partial void Refused(string useCase, Exception error);
}
