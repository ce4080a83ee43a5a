using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Application.Common.Behaviours;

/// <summary>
/// Re-runs an <see cref="IRetryOnConflict"/> command whose save lost an optimistic
/// concurrency race, on a cleared change tracker so it reads the winner's state.
/// Twenty people racing for three places then get three seats and seventeen
/// "full" answers rather than seventeen "try again" errors. The context is
/// resolved only when a retry needs it: every other message, above all each chat
/// message on the send path, passes by without renting one.
/// </summary>
public sealed class RetryOnConflictBehaviour<TMessage, TResponse>(IServiceProvider services)
    : IPipelineBehavior<TMessage, TResponse>
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

    private async ValueTask<TResponse> WithRetries(
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
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                services.GetRequiredService<IChatDbContext>().ChangeTracker.Clear();
            }
        }
    }
}
