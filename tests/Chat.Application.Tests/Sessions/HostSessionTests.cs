using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Sessions.Common;
using Chat.Application.Sessions.HostSession;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Microsoft.EntityFrameworkCore;
using NSubstitute;

namespace Chat.Application.Tests.Sessions;

public sealed class HostSessionTests : IDisposable
{
    private readonly TestDatabase _data = new();
    private readonly IChatBroadcaster _broadcaster = Substitute.For<IChatBroadcaster>();

    [Fact]
    public async Task Host_CreatesAPendingSessionWithTheCallerAsHostAndFirstPlayer()
    {
        var alice = await _data.AddUser("alice");

        var session = await Host(alice, new HostSession("  lounge ", Robot: null, MaxPlayersAllowed: null));

        Assert.Equal("lounge", session.Room);
        Assert.Equal(SessionState.Pending, session.State);
        Assert.Equal(alice.Id, session.HostId);
        Assert.Equal("alice", session.Host);
        Assert.Equal(["alice"], session.Players);
        Assert.Equal(ChatSession.DefaultMaxPlayers, session.MaxPlayersAllowed);
        var stored = await _data.FindSession("lounge");
        Assert.Equal(session.Id, stored.Id);
        Assert.True(stored.IsPresent(alice.Id));
        await _broadcaster.Received(1).SessionUpdated(session, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Host_DoesNotAnnounceTheHost_WhoseConnectionAnnouncesItself()
    {
        var alice = await _data.AddUser("alice");

        await Host(alice, new HostSession("lounge", null, 3));

        Assert.Empty(await _data.MessagesIn("lounge"));
        await _broadcaster.DidNotReceive().MessagePosted(Arg.Any<MessageDto>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Host_WithRoomForOnlyTheHost_StartsAndSaysSo()
    {
        var alice = await _data.AddUser("alice");

        var session = await Host(alice, new HostSession("solo", null, 1));

        Assert.Equal(SessionState.Active, session.State);
        Assert.Equal([SessionNotices.Started], await _data.TextsIn("solo"));
        await _broadcaster.Received(1).MessagePosted(
            Arg.Is<MessageDto>(m => m.Message == SessionNotices.Started && m.Room == "solo" && m.From == Username.Server),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Host_WithARobot_RecordsTheModel()
    {
        var alice = await _data.AddUser("alice");

        var session = await Host(alice, new HostSession("lounge", "eliza", null));

        Assert.Equal("eliza", session.Robot);
        Assert.Equal("eliza", (await _data.FindSession("lounge")).Robot);
    }

    [Theory]
    [InlineData("lounge")]
    [InlineData("LOUNGE")]
    [InlineData(" Lounge ")]
    public async Task Host_WhenTheRoomIsTaken_IsRefused(string room)
    {
        await _data.AddSession(await _data.AddUser("alice"), "lounge");
        var bob = await _data.AddUser("bob");

        var refused = await Assert.ThrowsAsync<ConflictException>(() => Host(bob, new HostSession(room, null, null)));

        Assert.Equal($"The room '{room.Trim()}' is taken; please pick another name.", refused.Message);
        Assert.Equal(1, await SessionCount());
        Assert.Empty(_broadcaster.ReceivedCalls());
    }

    [Fact]
    public async Task Host_WhenTheRoomBelongedToASessionThatEnded_IsRefused()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge");
        await _data.Leave(alice, "lounge");
        var bob = await _data.AddUser("bob");

        await Assert.ThrowsAsync<ConflictException>(() => Host(bob, new HostSession("lounge", null, null)));

        Assert.Equal(1, await SessionCount());
    }

    [Fact]
    public async Task Host_WhenAlreadyInASession_IsRefused()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        await _data.AddSession(alice, "lounge");
        await _data.Join(bob, "lounge");

        var refused = await Assert.ThrowsAsync<ConflictException>(() => Host(bob, new HostSession("den", null, null)));

        Assert.Equal("You are already in the session 'lounge'; leave it first.", refused.Message);
        Assert.Equal(1, await SessionCount());
    }

    [Fact]
    public async Task Host_WhenTheSignInHasEnded_IsUnauthorized()
    {
        var alice = await _data.AddUser("alice");
        await _data.SignOut(alice);

        await Assert.ThrowsAsync<UnauthorizedException>(() => Host(alice, new HostSession("lounge", null, null)));

        Assert.Equal(0, await SessionCount());
    }

    public void Dispose() => _data.Dispose();

    private async Task<SessionDto> Host(User caller, HostSession command)
    {
        await using var use = new UseCase(_data, _broadcaster);
        return await use.Run(new HostSessionHandler(use.Db, Build.Caller(caller), use.Committer, _data.Clock), command);
    }

    private async Task<int> SessionCount()
    {
        await using var db = _data.NewContext();
        return await db.Sessions.CountAsync(Ct);
    }
}
