using Chat.Application.Common.Interfaces;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Application.Common.Behaviours;

/// <summary>
/// Runs an <see cref="ITransactional"/> command in one database transaction, then
/// sends what it announced. On failure the transaction rolls back, the context
/// forgets its changes and the announcements are dropped: a room never hears of a
/// change that was not committed. The one place a transaction is opened.
/// </summary>
/// <remarks>
/// Its constraint keeps it to transactional commands: Mediator's generated pipeline
/// of any other message leaves it out, so every other message, above all each chat
/// message on the send path, passes without it and rents no database context
/// (ADR-004, fifteenth revision).
/// </remarks>
public sealed class TransactionBehaviour<TMessage, TResponse>(IServiceProvider services) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, ITransactional
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var announcements = services.GetRequiredService<Announcements>();
        TResponse response;
        try
        {
            await using var transaction = await services.GetRequiredService<IDatabaseTransactions>().Begin(cancellationToken);
            response = await next(message, cancellationToken);
            await transaction.Commit(cancellationToken);
        }
        catch
        {
            announcements.Discard();
            throw;
        }

        // Committed: tell the rooms even if the caller has gone.
        await announcements.Send(CancellationToken.None);
        return response;
    }
}
