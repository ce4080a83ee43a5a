using Microsoft.Extensions.DependencyInjection;
using Chat.Application.Common.Behaviours;
using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Sessions.Common;
using Chat.Application.Sessions.JoinSession;
using Chat.Domain.Common;
using Chat.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NSubstitute;

namespace Chat.Application.Tests.Behaviours;

public sealed class RetryOnConflictBehaviourTests : IDisposable
{
    private readonly TestDatabase _data = new();

    [Fact]
    public async Task Handle_ARetryableCommandThatLostARace_RunsAgainOnAClearedChangeTracker()
    {
        await using var db = _data.NewContext();
        var trackedAtEachAttempt = new List<int>();

        var response = await new RetryOnConflictBehaviour<Retryable, string>(Services(db)).Handle(new Retryable(), (_, _) =>
        {
            trackedAtEachAttempt.Add(db.ChangeTracker.Entries().Count());
            db.Users.Add(User.Register($"user{trackedAtEachAttempt.Count}", Build.Start));
            return trackedAtEachAttempt.Count < 3 ? throw Conflict() : ValueTask.FromResult("done");
        }, Ct);

        Assert.Equal("done", response);
        Assert.Equal([0, 0, 0], trackedAtEachAttempt);
    }

    [Fact]
    public async Task Handle_ARetryableCommandThatKeepsLosing_GivesUpAfterMaxAttempts()
    {
        await using var db = _data.NewContext();
        var attempts = 0;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => new RetryOnConflictBehaviour<Retryable, string>(Services(db))
            .Handle(new Retryable(), (_, _) =>
            {
                attempts++;
                throw Conflict();
            }, Ct)
            .AsTask());

        Assert.Equal(RetryOnConflictBehaviour<Retryable, string>.MaxAttempts, attempts);
    }

    [Fact]
    public async Task Handle_AnOrdinaryCommand_IsNotRetried_AndItsChangesAreLeftAlone()
    {
        await using var db = _data.NewContext();
        var attempts = 0;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => new RetryOnConflictBehaviour<Ordinary, string>(Services(db))
            .Handle(new Ordinary(), (_, _) =>
            {
                attempts++;
                db.Users.Add(User.Register("alice", Build.Start));
                throw Conflict();
            }, Ct)
            .AsTask());

        Assert.Equal(1, attempts);
        Assert.Single(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task Handle_ARetryableCommandRefusedForAnotherReason_IsNotRetried()
    {
        await using var db = _data.NewContext();
        var attempts = 0;

        await Assert.ThrowsAsync<ConflictException>(() => new RetryOnConflictBehaviour<Retryable, string>(Services(db))
            .Handle(new Retryable(), (_, _) =>
            {
                attempts++;
                throw new ConflictException("no");
            }, Ct)
            .AsTask());

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Join_LosingTheRaceForTheLastPlace_IsRetriedAndToldTheSessionStarted()
    {
        await _data.AddSession(await _data.AddUser("alice"), "lounge", maxPlayers: 2);
        var bob = await _data.AddUser("bob");
        var carol = await _data.AddUser("carol");

        // Bob's request has read the session with one place left; carol's commits before his does.
        await using var db = _data.NewContext(new CompetingRequest(() => _data.Join(carol, "lounge")));
        var broadcaster = Substitute.For<IChatBroadcaster>();
        var handler = new JoinSessionHandler(db, Build.Caller(bob), new SessionCommitter(db, broadcaster, _data.Clock), _data.Clock);
        var attempts = 0;

        var refused = await Assert.ThrowsAsync<DomainException>(() => new RetryOnConflictBehaviour<JoinSession, SessionDto>(Services(db))
            .Handle(new JoinSession("lounge", Random: false), (command, ct) =>
            {
                attempts++;
                return handler.Handle(command, ct);
            }, Ct)
            .AsTask());

        Assert.Equal(2, attempts);
        Assert.Equal("The session 'lounge' has already started.", refused.Message);
        var stored = await _data.FindSession("lounge");
        Assert.Equal(["alice", "carol"], stored.Players.Select(p => p.Username));
        Assert.False(stored.WasEverPlayer(bob.Id));
        Assert.Empty(broadcaster.ReceivedCalls());
    }

    public void Dispose() => _data.Dispose();

    public sealed record Retryable : ICommand<string>, IRetryOnConflict;

    public sealed record Ordinary : ICommand<string>;

    private static ConcurrencyConflictException Conflict() => new(new DbUpdateConcurrencyException("lost"));

    private static ServiceProvider Services(IChatDbContext db) =>
        new ServiceCollection().AddSingleton(db).BuildServiceProvider();
}
