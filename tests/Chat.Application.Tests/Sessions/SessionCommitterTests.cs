using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Sessions.Common;
using Chat.Domain.Sessions;
using Chat.Domain.Users;
using Chat.Infrastructure.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using NSubstitute;

namespace Chat.Application.Tests.Sessions;

public sealed class SessionCommitterTests : IDisposable
{
    private readonly TestDatabase _data = new();
    private readonly IChatBroadcaster _broadcaster = Substitute.For<IChatBroadcaster>();

    [Fact]
    public async Task Commit_BroadcastsNotices_OnlyOnceTheyAreCommitted()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge");
        await using var use = new UseCase(_data, _broadcaster);
        var db = use.Db;
        var seenAtBroadcast = new List<(string Text, bool InTransaction, bool Stored)>();
        _broadcaster
            .When(b => b.MessagePosted(Arg.Any<MessageDto>(), Arg.Any<CancellationToken>()))
            .Do(call =>
            {
                var message = call.Arg<MessageDto>();
                var inTransaction = db.Database.CurrentTransaction is not null;
                using var reader = _data.NewContext();
                seenAtBroadcast.Add((message.Message, inTransaction, !inTransaction && reader.Messages.Any(m => m.Id == message.Id)));
            });
        var session = await Load(db, "lounge");
        session.Leave(alice.Id, _data.Clock.GetUtcNow(), Build.First);

        await Commit(use, session);

        Assert.Equal(
            [("alice has left the room.", false, true), (SessionNotices.Ended, false, true)],
            seenAtBroadcast);
    }

    [Fact]
    public async Task Commit_WhenAnotherRequestChangedTheSessionFirst_StoresAndBroadcastsNothing()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        await _data.AddSession(alice, "lounge");
        await _data.Join(bob, "lounge");
        await using var use = new UseCase(_data, _broadcaster);
        var stale = await Load(use.Db, "lounge");
        await _data.Join(await _data.AddUser("carol"), "lounge");
        stale.Leave(bob.Id, _data.Clock.GetUtcNow(), Build.First);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Commit(use, stale));

        Assert.Empty(_broadcaster.ReceivedCalls());
        Assert.Empty(await _data.MessagesIn("lounge"));
        Assert.True((await _data.FindSession("lounge")).IsPresent(bob.Id));
    }

    [Fact]
    public async Task Commit_WhenTheSessionEnds_SignsOutItsRobot_AndSaysWhoLeft()
    {
        var alice = await _data.AddUser("alice");
        var robot = await _data.AddRobotUser("eliza");
        await _data.AddSession(alice, "lounge", robot: "eliza");
        await _data.SeatRobot(robot, "lounge");
        await using var use = new UseCase(_data, _broadcaster);
        var session = await Load(use.Db, "lounge");
        session.Leave(alice.Id, _data.Clock.GetUtcNow(), Build.First);

        var dto = await Commit(use, session);

        Assert.Equal(SessionState.Inactive, dto.State);
        Assert.False((await _data.FindUser(robot.Id)).IsSignedIn);
        Assert.True((await _data.FindUser(alice.Id)).IsSignedIn);
        Assert.Equal(["alice has left the room.", "eliza has left the room.", SessionNotices.Ended], await _data.TextsIn("lounge"));
        Received.InOrder(async () =>
        {
            await _broadcaster.MessagePosted(Arg.Is<MessageDto>(m => m.Message == "alice has left the room."), Arg.Any<CancellationToken>());
            await _broadcaster.MessagePosted(Arg.Is<MessageDto>(m => m.Message == "eliza has left the room."), Arg.Any<CancellationToken>());
            await _broadcaster.MessagePosted(Arg.Is<MessageDto>(m => m.Message == SessionNotices.Ended), Arg.Any<CancellationToken>());
            await _broadcaster.SessionUpdated(dto, Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task Commit_StoresAndBroadcastsItsNotices_InTheOrderTheirEventsHappened_WhateverTheRequestSavedBefore()
    {
        var alice = await _data.AddUser("alice");
        var robot = await _data.AddRobotUser("eliza");
        await _data.AddSession(alice, "lounge", robot: "eliza");
        await _data.SeatRobot(robot, "lounge");
        await using var use = new UseCase(_data, _broadcaster);
        var now = _data.Clock.GetUtcNow();

        // Earlier work of the same request leaves the change tracker with entries it has let go of.
        use.Db.Users.AddRange(User.Register("bob", now), User.Register("carol", now));
        await use.Db.SaveChangesAsync(Ct);
        var session = await Load(use.Db, "lounge");
        session.Leave(alice.Id, now, Build.First);

        await Commit(use, session);

        string[] inOrder = ["alice has left the room.", "eliza has left the room.", SessionNotices.Ended];
        var stored = await _data.MessagesIn("lounge");
        Assert.Equal(inOrder, stored.OrderBy(m => m.Seq).Select(m => m.Text));
        Assert.Equal([1L, 2L, 3L], stored.Select(m => m.Seq));
        var heard = _broadcaster.ReceivedCalls()
            .Where(c => c.GetMethodInfo().Name == nameof(IChatBroadcaster.MessagePosted))
            .Select(c => (MessageDto)c.GetArguments()[0]!)
            .ToList();
        Assert.Equal(inOrder, heard.Select(m => m.Message));
        Assert.Equal([1L, 2L, 3L], heard.Select(m => m.Seq));
    }

    [Fact]
    public async Task Commit_OfARobotsSeat_StoresItsUser_AndTellsTheRoomBySessionUpdated_ItsNoticeComingWhenItEnters()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge", robot: "eliza");
        await using var use = new UseCase(_data, _broadcaster);
        var session = await Load(use.Db, "lounge");
        var robot = User.RegisterRobot("eliza", _data.Clock.GetUtcNow());
        session.AddRobot(robot, _data.Clock.GetUtcNow(), TimeSpan.FromSeconds(1));

        var dto = await Commit(use, session);

        Assert.Equal(["alice", "eliza"], dto.Players);
        Assert.True(robot.Id > 0);
        Assert.True((await _data.FindUser(robot.Id)).IsRobot);
        Assert.Empty(await _data.TextsIn("lounge"));
        await _broadcaster.Received(1).SessionUpdated(dto, Arg.Any<CancellationToken>());
        await _broadcaster.DidNotReceive().MessagePosted(Arg.Any<MessageDto>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Commit_WhileTheSessionGoesOn_LeavesTheRobotSignedIn()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        var robot = await _data.AddRobotUser("eliza");
        await _data.AddSession(alice, "lounge", robot: "eliza");
        await _data.SeatRobot(robot, "lounge");
        await _data.Join(bob, "lounge");
        await using var use = new UseCase(_data, _broadcaster);
        var session = await Load(use.Db, "lounge");
        session.Leave(alice.Id, _data.Clock.GetUtcNow(), Build.First);

        await Commit(use, session);

        Assert.True((await _data.FindUser(robot.Id)).IsSignedIn);
        Assert.Equal(["bob", "eliza"], (await _data.FindSession("lounge")).Players.Select(p => p.Username).Order());
    }

    [Fact]
    public async Task Commit_ReportsEachChangeOnce()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        await _data.AddSession(alice, "lounge");
        await _data.Join(bob, "lounge");
        await using var use = new UseCase(_data, _broadcaster);
        var session = await Load(use.Db, "lounge");
        session.Leave(bob.Id, _data.Clock.GetUtcNow(), Build.First);
        await Commit(use, session);
        await Commit(use, session);

        Assert.Equal(["bob has left the room."], await _data.TextsIn("lounge"));
        await _broadcaster.Received(1).MessagePosted(Arg.Any<MessageDto>(), Arg.Any<CancellationToken>());
    }

    public void Dispose() => _data.Dispose();

    /// <summary>Commits the session as a transactional command would: in its transaction, announced after it.</summary>
    private static Task<SessionDto> Commit(UseCase use, ChatSession session) =>
        use.RunInTransaction(new Handler<CommitSession, SessionDto>((_, ct) => new ValueTask<SessionDto>(use.Committer.Commit(session, ct))), new CommitSession());

    public sealed record CommitSession : Mediator.ICommand<SessionDto>, Chat.Application.Common.Behaviours.ITransactional;

    private static Task<ChatSession> Load(SqliteChatDbContext db, string room) =>
        db.Sessions.Include(s => s.Members).SingleAsync(s => s.Room == room, Ct);
}
