using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Models;
using Chat.Application.Rooms.SayTyping;
using NSubstitute;

namespace Chat.Application.Tests.Rooms;

public sealed class SayTypingTests : IDisposable
{
    private readonly TestDatabase _data = new();
    private readonly IChatBroadcaster _broadcaster = Substitute.For<IChatBroadcaster>();
    private readonly TypingThrottle _throttle = new();

    [Fact]
    public async Task Typing_ByAPlayer_IsRelayedToTheRoomAsComingFromThem()
    {
        var alice = await _data.AddUser("alice");
        var session = await _data.AddSession(alice, "Lounge");

        Assert.True(await Say(alice, "lounge"));

        await _broadcaster.Received(1).Typing(new TypingDto("Lounge", "alice"), session.Id, alice.Id, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Typing_AgainWithinASecond_IsDropped_AndASecondLaterIsRelayed()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge");

        Assert.True(await Say(alice, "lounge"));
        _data.Clock.Advance(TimeSpan.FromMilliseconds(900));
        Assert.False(await Say(alice, "lounge"));
        _data.Clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(await Say(alice, "lounge"));

        await _broadcaster.Received(2).Typing(Arg.Any<TypingDto>(), Arg.Any<int>(), alice.Id, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Typing_ByTwoPlayers_IsThrottledForEachOnTheirOwn()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        await _data.AddSession(alice, "lounge");
        await _data.Join(bob, "lounge");

        Assert.True(await Say(alice, "lounge"));
        Assert.True(await Say(bob, "lounge"));
    }

    [Fact]
    public async Task Typing_ByANonPlayer_IsForbidden_AndNotRelayed()
    {
        var alice = await _data.AddUser("alice");
        await _data.AddSession(alice, "lounge");
        var carol = await _data.AddUser("carol");

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => Say(carol, "lounge"));

        Assert.Empty(_broadcaster.ReceivedCalls());
    }

    [Fact]
    public async Task Typing_InNoSuchRoom_IsNotFound() =>
        await Assert.ThrowsAsync<NotFoundException>(async () => await Say(await _data.AddUser("alice"), "nowhere"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Validator_RefusesABlankRoom(string? room) =>
        Assert.False(new SayTypingValidator().Validate(new SayTyping(room)).IsValid);

    public void Dispose() => _data.Dispose();

    private async Task<bool> Say(Domain.Users.User caller, string room)
    {
        await using var db = _data.NewContext();
        return await new SayTypingHandler(db, Build.Caller(caller), _broadcaster, _throttle, _data.Clock).Handle(new SayTyping(room), Ct);
    }
}
