using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Sessions.Common;
using Chat.Application.Sessions.HostSession;
using Chat.Application.Sessions.TakeSeat;
using Chat.Application.Users.RegisterUser;
using Microsoft.EntityFrameworkCore;
using NSubstitute;

namespace Chat.Application.Tests;

/// <summary>What a caller is told when another request wins between their check and their write.</summary>
public sealed class RaceTests : IDisposable
{
    private readonly TestDatabase _data = new();
    private readonly IChatBroadcaster _broadcaster = Substitute.For<IChatBroadcaster>();

    [Fact]
    public async Task Register_WhenSomeoneTakesTheNameFirst_IsToldItIsTaken()
    {
        await using var db = _data.NewContext(new CompetingRequest(() => _data.AddUser("Alice")));

        var refused = await Assert.ThrowsAsync<ConflictException>(
            async () => await new RegisterUserHandler(db, Build.Anonymous(), _data.Clock).Handle(new RegisterUser("alice"), Ct));

        Assert.Equal("The name 'alice' is taken; please pick another.", refused.Message);
        await using var reader = _data.NewContext();
        Assert.Equal(["Alice"], await reader.Users.Select(u => u.Username).ToListAsync(Ct));
    }

    [Fact]
    public async Task Host_WhenSomeoneTakesTheRoomFirst_IsToldItIsTaken()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        await using var use = new UseCase(_data, _broadcaster, new CompetingRequest(() => _data.AddSession(alice, "Lounge")));
        var handler = new HostSessionHandler(use.Db, Build.Caller(bob), use.Committer, _data.Clock);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => use.Run(handler, new HostSession("lounge", null, null)));

        Assert.Equal("The room 'lounge' is taken; please pick another name.", refused.Message);
        Assert.Equal("alice", (await _data.FindSession("Lounge")).HostName);
        Assert.Empty(_broadcaster.ReceivedCalls());
    }

    [Fact]
    public async Task Join_WhileTheSameUserHostsElsewhere_IsRefused()
    {
        await _data.AddSession(await _data.AddUser("alice"), "lounge");
        var bob = await _data.AddUser("bob");
        await using var use = new UseCase(_data, _broadcaster, new CompetingRequest(() => _data.AddSession(bob, "den")));
        var handler = new TakeSeatHandler(use.Db, Build.Caller(bob), use.Committer, Build.Recruiter(use.Db), Substitute.For<IRobotTurns>(), Build.Pace, Random.Shared, _data.Clock);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => use.Run(handler, new TakeSeat("lounge", Random: false)));

        Assert.Equal("You are already in the session 'den'; leave it first.", refused.Message);
        Assert.False((await _data.FindSession("lounge")).WasEverPlayer(bob.Id));
        Assert.True((await _data.FindSession("den")).IsPresent(bob.Id));
        Assert.Empty(_broadcaster.ReceivedCalls());
    }

    public void Dispose() => _data.Dispose();
}
