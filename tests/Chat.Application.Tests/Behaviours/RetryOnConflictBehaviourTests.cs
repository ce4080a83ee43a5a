using Chat.Application.Common.Behaviours;
using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Sessions.TakeSeat;
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
    public async Task Handle_ARetryableCommandThatLostARace_RunsAgainInANewTransactionOnAClearedChangeTracker()
    {
        await using var use = new UseCase(_data, Substitute.For<IChatBroadcaster>());
        var trackedAtEachAttempt = new List<int>();
        var transactions = new HashSet<Guid>();

        var response = await use.Run(new Handler<Retryable, string>((_, _) =>
        {
            trackedAtEachAttempt.Add(use.Db.ChangeTracker.Entries().Count());
            transactions.Add(use.Db.Database.CurrentTransaction!.TransactionId);
            use.Db.Users.Add(User.Register($"user{trackedAtEachAttempt.Count}", Build.Start));
            return trackedAtEachAttempt.Count < 3 ? throw Conflict() : ValueTask.FromResult("done");
        }), new Retryable());

        Assert.Equal("done", response);
        Assert.Equal([0, 0, 0], trackedAtEachAttempt);
        Assert.Equal(3, transactions.Count);
    }

    [Fact]
    public async Task Handle_ARetryableCommandThatLostAUniqueIndexRace_RunsAgain()
    {
        var attempts = 0;

        var response = await new RetryOnConflictBehaviour<Retryable, string>().Handle(new Retryable(), (_, _) =>
        {
            attempts++;
            return attempts < 2 ? throw new UniqueConstraintException(new DbUpdateException("taken")) : ValueTask.FromResult("done");
        }, Ct);

        Assert.Equal("done", response);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task Handle_ARetryableCommandThatKeepsLosing_GivesUpAfterMaxAttempts()
    {
        await using var db = _data.NewContext();
        var attempts = 0;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => new RetryOnConflictBehaviour<Retryable, string>()
            .Handle(new Retryable(), (_, _) =>
            {
                attempts++;
                throw Conflict();
            }, Ct)
            .AsTask());

        Assert.Equal(RetryOnConflictBehaviour<Retryable, string>.MaxAttempts, attempts);
    }

    [Fact]
    public async Task Handle_ARetryableCommandRefusedForAnotherReason_IsNotRetried()
    {
        await using var db = _data.NewContext();
        var attempts = 0;

        await Assert.ThrowsAsync<ConflictException>(() => new RetryOnConflictBehaviour<Retryable, string>()
            .Handle(new Retryable(), (_, _) =>
            {
                attempts++;
                throw new ConflictException("no");
            }, Ct)
            .AsTask());

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Join_WhenARacingRequestTakesTheLastPlace_IsToldTheSessionStarted()
    {
        await _data.AddSession(await _data.AddUser("alice"), "lounge", maxPlayers: 2);
        var bob = await _data.AddUser("bob");
        var carol = await _data.AddUser("carol");

        // Carol's request commits as Bob's begins.
        var broadcaster = Substitute.For<IChatBroadcaster>();
        await using var use = new UseCase(_data, broadcaster, new CompetingRequest(() => _data.Join(carol, "lounge")));

        var refused = await Assert.ThrowsAsync<DomainException>(
            () => use.Run(new TakeSeatHandler(use.Db, Build.Caller(bob), use.Committer, Build.Recruiter(use.Db), Substitute.For<IRobotTurns>(), Build.Pace, Random.Shared, _data.Clock), new TakeSeat("lounge", Random: false)));

        Assert.Equal("The session 'lounge' has already started.", refused.Message);
        var stored = await _data.FindSession("lounge");
        Assert.Equal(["alice", "carol"], stored.Players.Select(p => p.Username));
        Assert.False(stored.WasEverPlayer(bob.Id));
        Assert.Empty(broadcaster.ReceivedCalls());
    }

    public void Dispose() => _data.Dispose();

    public sealed record Retryable : ICommand<string>, IRetryOnConflict;

    private static ConcurrencyConflictException Conflict() => new(new DbUpdateConcurrencyException("lost"));
}
