using Chat.Application.Common.Interfaces;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chat.Application.Common.Behaviours;

/// <summary>
/// Warns when a use case takes longer than <see cref="Threshold"/>, naming it and the
/// caller, so a slow database or model shows up in the production log without Debug
/// logging. Only the name and the user are logged, never the message: its fields can
/// be what people wrote. The caller is resolved only for a warning, so a fast call
/// (every chat message on the send path) pays two timestamps and no allocation.
/// </summary>
public sealed partial class PerformanceBehaviour<TMessage, TResponse>(
    ILogger<PerformanceBehaviour<TMessage, TResponse>> logger,
    TimeProvider time,
    IServiceProvider services)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    /// <summary>A use case slower than this is logged as a warning.</summary>
    public static readonly TimeSpan Threshold = TimeSpan.FromMilliseconds(500);

    private static readonly string UseCase = typeof(TMessage).Name;

    public ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (!logger.IsEnabled(LogLevel.Warning))
        {
            return next(message, cancellationToken);
        }

        var started = time.GetTimestamp();
        var handling = next(message, cancellationToken);
        if (!handling.IsCompleted)
        {
            return Awaited(handling, started);
        }

        // Finished without waiting: no state machine, just the check.
        Check(started);
        return handling;
    }

    private async ValueTask<TResponse> Awaited(ValueTask<TResponse> handling, long started)
    {
        try
        {
            return await handling.ConfigureAwait(false);
        }
        finally
        {
            // A slow refusal kept the caller waiting as long as a slow success.
            Check(started);
        }
    }

    private void Check(long started)
    {
        var elapsed = time.GetElapsedTime(started);
        if (elapsed > Threshold)
        {
            var user = services.GetService<ICurrentUser>()?.Username ?? "anonymous";
            Slow(UseCase, elapsed.TotalMilliseconds, user);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Long running use case: {UseCase} took {ElapsedMs:0} ms for {User}")]
    private partial void Slow(string useCase, double elapsedMs, string user);
}
