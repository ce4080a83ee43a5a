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
/// <remarks>
/// Its constraint keeps it to retryable commands: Mediator's generated pipeline of
/// any other message leaves it out, so a chat message on the send path pays for no
/// call, delegate or instance of it (ADR-004, fifteenth revision).
/// </remarks>
public sealed class RetryOnConflictBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, IRetryOnConflict
{
    public const int MaxAttempts = 8;

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
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
