using Chat.Application.Common.Exceptions;
using Mediator;

namespace Chat.Application.Common.Behaviours;

/// <summary>
/// Re-runs an <see cref="IRetryOnConflict"/> command whose save lost a race. The
/// transaction behaviour inside it has already rolled back and cleared the
/// context, so each attempt reads the winner's state. Twenty people racing for
/// three places then get three seats and seventeen "full" answers rather than
/// seventeen "try again" errors. The one retry loop of the service.
/// </summary>
public sealed class RetryOnConflictBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public const int MaxAttempts = 8;

    public ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);

        // Not async for other messages: no state machine for a behaviour that does nothing.
        return message is IRetryOnConflict ? WithRetries(message, next, cancellationToken) : next(message, cancellationToken);
    }

    private static async ValueTask<TResponse> WithRetries(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next(message, cancellationToken);
            }
            catch (Exception lost) when (lost is ConcurrencyConflictException or UniqueConstraintException && attempt < MaxAttempts)
            {
                // The next attempt reads what the winner saved.
            }
        }
    }
}
