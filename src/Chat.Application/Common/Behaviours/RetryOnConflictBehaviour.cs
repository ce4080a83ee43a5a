using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Mediator;

namespace Chat.Application.Common.Behaviours;

/// <summary>
/// Re-runs an <see cref="IRetryOnConflict"/> command whose save lost an optimistic
/// concurrency race, on a cleared change tracker so it reads the winner's state.
/// Twenty people racing for three places then get three seats and seventeen
/// "full" answers rather than seventeen "try again" errors.
/// </summary>
public sealed class RetryOnConflictBehaviour<TMessage, TResponse>(IChatDbContext db)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public const int MaxAttempts = 8;

    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (message is not IRetryOnConflict)
        {
            return await next(message, cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next(message, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
