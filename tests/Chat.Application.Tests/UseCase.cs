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
/// its handler through the real retry and transaction behaviours, as the mediator does.
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
        where TCommand : ICommand<TResponse>
    {
        using var services = new ServiceCollection()
            .AddSingleton(Announcements)
            .AddSingleton<IDatabaseTransactions>(new DatabaseTransactions(Db))
            .BuildServiceProvider();
        var transaction = new TransactionBehaviour<TCommand, TResponse>(services);
        var retry = new RetryOnConflictBehaviour<TCommand, TResponse>();
        return await retry.Handle(
            command,
            (attempt, ct) => transaction.Handle(attempt, (inner, innerCt) => handler.Handle(inner, innerCt), ct),
            Ambient.Ct);
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
