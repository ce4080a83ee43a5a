using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Robots.ListRobots;
using Chat.Application.Users.CheckSignIn;
using Chat.Application.Users.GetCurrentUser;
using Chat.Application.Users.ListUsers;
using Chat.Domain.Users;
using NSubstitute;

namespace Chat.Application.Tests.Users;

public sealed class UserQueriesTests : IDisposable
{
    private readonly TestDatabase _data = new();

    [Fact]
    public async Task ListUsers_ShowsSignedInUsers_WithTheirSessionAndState()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        var gone = await _data.AddUser("gone");
        await _data.SignOut(gone);
        var session = await _data.AddSession(alice, "lounge");

        await using var db = _data.NewContext();
        var users = await new ListUsersHandler(db).Handle(new ListUsers(), Ct);

        Assert.Equal(
            [new UserDto(alice.Id, "alice", session.Id, UserState.Active), new UserDto(bob.Id, "bob", null, UserState.Waiting)],
            users);
    }

    [Fact]
    public async Task ListUsers_ListsARobotLikeAnyoneElse()
    {
        var alice = await _data.AddUser("alice");
        var robot = await _data.AddRobotUser("eliza");
        var session = await _data.AddSession(alice, "lounge", robot: "eliza");
        await _data.SeatRobot(robot, "lounge");

        await using var db = _data.NewContext();
        var users = await new ListUsersHandler(db).Handle(new ListUsers(), Ct);

        Assert.Contains(new UserDto(robot.Id, "eliza", session.Id, UserState.Active), users);
    }

    [Fact]
    public async Task GetCurrentUser_InASession_IsActive_AndAfterLeavingIsWaiting()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        var session = await _data.AddSession(alice, "lounge");
        await _data.Join(bob, "lounge");

        Assert.Equal(new UserDto(bob.Id, "bob", session.Id, UserState.Active), await CurrentUser(bob));

        await _data.Leave(bob, "lounge");

        Assert.Equal(new UserDto(bob.Id, "bob", null, UserState.Waiting), await CurrentUser(bob));
    }

    [Fact]
    public async Task GetCurrentUser_AfterLogout_IsUnauthorized()
    {
        var alice = await _data.AddUser("alice");
        await _data.SignOut(alice);

        await Assert.ThrowsAsync<UnauthorizedException>(() => CurrentUser(alice));
    }

    [Fact]
    public async Task CheckSignIn_HoldsUntilLogout()
    {
        var alice = await _data.AddUser("alice");

        Assert.True(await CheckSignIn(alice.Id));

        await _data.SignOut(alice);

        Assert.False(await CheckSignIn(alice.Id));
        Assert.False(await CheckSignIn(alice.Id + 100));
    }

    [Fact]
    public async Task ListRobots_GivesTheOfferedModelsInOrder()
    {
        var catalog = Substitute.For<IRobotCatalog>();
        catalog.Models.Returns(["eliza", "gpt"]);

        var robots = await new ListRobotsHandler(catalog).Handle(new ListRobots(), Ct);

        Assert.Equal(["eliza", "gpt"], robots);
    }

    public void Dispose() => _data.Dispose();

    private async Task<UserDto> CurrentUser(User caller)
    {
        await using var db = _data.NewContext();
        return await new GetCurrentUserHandler(db, Build.Caller(caller)).Handle(new GetCurrentUser(), Ct);
    }

    private async Task<bool> CheckSignIn(int userId)
    {
        await using var db = _data.NewContext();
        return await new CheckSignInHandler(db).Handle(new CheckSignIn(userId), Ct);
    }
}
