using Chat.Application.Common;
using Chat.Application.Common.Behaviours;
using Chat.Application.Common.Interfaces;
using Chat.Application.Sessions.Common;
using Chat.Infrastructure.Persistence;
using Chat.Infrastructure.Persistence.Providers;
using Mediator;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Application.Tests;

/// <summary>
/// One request's worth of a command: its own context, its announcements and its
/// committer, and <see cref="Run{TCommand, TResponse}"/>, which hands the command to
/// its handler through the real retry and transaction behaviours, as the mediator does
/// (<see cref="RunInTransaction{TCommand, TResponse}"/> for a command that is not retried).
/// </summary>
internal sealed class UseCase : IAsyncDisposable
{
    public UseCase(TestDatabase data, IChatBroadcaster broadcaster, params IInterceptor[] interceptors)
    {
        Db = data.NewContext(interceptors);
        Announcements = new Announcements(broadcaster);
        Committer = new SessionCommitter(Db, Announcements, data.Clock);
    }

    public SqliteChatDbContext Db { get; }

    public Announcements Announcements { get; }

    public SessionCommitter Committer { get; }

    public async Task<TResponse> Run<TCommand, TResponse>(ICommandHandler<TCommand, TResponse> handler, TCommand command)
        where TCommand : ICommand<TResponse>, IRetryOnConflict =>
        await new RetryOnConflictBehaviour<TCommand, TResponse>().Handle(
            command,
            (attempt, ct) => InTransaction(handler, attempt, ct),
            Ambient.Ct);

    /// <summary>A transactional command that is not retried: the transaction behaviour alone.</summary>
    public async Task<TResponse> RunInTransaction<TCommand, TResponse>(ICommandHandler<TCommand, TResponse> handler, TCommand command)
        where TCommand : ICommand<TResponse>, ITransactional =>
        await InTransaction(handler, command, Ambient.Ct);

    private async ValueTask<TResponse> InTransaction<TCommand, TResponse>(ICommandHandler<TCommand, TResponse> handler, TCommand command, CancellationToken cancellationToken)
        where TCommand : ICommand<TResponse>, ITransactional
    {
        await using var services = new ServiceCollection()
            .AddSingleton(Announcements)
            .AddSingleton<IDatabaseTransactions>(new DatabaseTransactions(Db))
            .BuildServiceProvider();
        return await new TransactionBehaviour<TCommand, TResponse>(services).Handle(command, handler.Handle, cancellationToken);
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}

/// <summary>A handler made of a function, for pipeline tests that need no use case of their own.</summary>
internal sealed class Handler<TCommand, TResponse>(Func<TCommand, CancellationToken, ValueTask<TResponse>> handle)
    : ICommandHandler<TCommand, TResponse>
    where TCommand : ICommand<TResponse>
{
    public ValueTask<TResponse> Handle(TCommand command, CancellationToken cancellationToken) => handle(command, cancellationToken);
}
