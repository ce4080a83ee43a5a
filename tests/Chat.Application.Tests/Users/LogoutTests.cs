using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Sessions.Common;
using Chat.Application.Users.Logout;
using Chat.Application.Users.RegisterUser;
using Chat.Domain.Users;
using NSubstitute;

namespace Chat.Application.Tests.Users;

public sealed class LogoutTests : IDisposable
{
    private readonly TestDatabase _data = new();
    private readonly IChatBroadcaster _broadcaster = Substitute.For<IChatBroadcaster>();

    [Fact]
    public async Task Logout_TakesTheUserOutOfTheirSession_AndTellsTheRoom()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        await _data.AddSession(alice, "lounge");
        await _data.Join(bob, "lounge");

        await Logout(alice);

        var session = await _data.FindSession("lounge");
        Assert.False(session.IsPresent(alice.Id));
        Assert.Equal(bob.Id, session.HostId);
        Assert.Equal(["alice has left the room."], await _data.TextsIn("lounge"));
        await _broadcaster.Received(1).SessionUpdated(Arg.Is<SessionDto>(s => s.Host == "bob"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Logout_EndsTheSignIn_AndClosesTheUsersConnectionsLast()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge");

        await Logout(alice);

        Assert.False((await _data.FindUser(alice.Id)).IsSignedIn);
        Received.InOrder(async () =>
        {
            await _broadcaster.SessionUpdated(Arg.Any<SessionDto>(), Arg.Any<CancellationToken>());
            await _broadcaster.CloseConnectionsOf(alice.Id, Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task Logout_OutsideASession_SignsOutAndClosesConnections()
    {
        var alice = await _data.AddUser("alice");

        await Logout(alice);

        Assert.False((await _data.FindUser(alice.Id)).IsSignedIn);
        await _broadcaster.Received(1).CloseConnectionsOf(alice.Id, Arg.Any<CancellationToken>());
        await _broadcaster.DidNotReceive().SessionUpdated(Arg.Any<SessionDto>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Logout_FreesTheName_ForSomeoneElseToRegister()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge");

        await Logout(alice);
        await using var db = _data.NewContext();
        var newcomer = await new RegisterUserHandler(db, Build.Anonymous(), _data.Clock).Handle(new RegisterUser("Alice"), Ct);

        Assert.NotEqual(alice.Id, newcomer.Id);
        Assert.Equal("Alice", newcomer.Username);
    }

    [Fact]
    public async Task Logout_WithAnEndedSignIn_IsUnauthorized()
    {
        var alice = await _data.AddUser("alice");
        await _data.SignOut(alice);

        await Assert.ThrowsAsync<UnauthorizedException>(() => Logout(alice));

        Assert.Empty(_broadcaster.ReceivedCalls());
    }

    public void Dispose() => _data.Dispose();

    private async Task Logout(User caller)
    {
        await using var use = new UseCase(_data, _broadcaster);
        await use.Run(new LogoutHandler(use.Db, Build.Caller(caller), use.Committer, use.Announcements, Build.First, _data.Clock), new Logout());
    }
}
