using Chat.Application.Common.Interfaces;
using Chat.Application.Presence;
using Chat.Application.Presence.CloseSignedOutConnections;
using Chat.Application.Presence.ForgetEndedConnections;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace Chat.Application.Tests.Presence;

/// <summary>What each process's presence sweep asks besides the lapses.</summary>
public sealed class SweepUseCasesTests : IDisposable
{
    private readonly TestDatabase _data = new();
    private readonly IChatBroadcaster _broadcaster = Substitute.For<IChatBroadcaster>();

    [Fact]
    public async Task CloseSignedOut_ClosesTheConnectionsOfUsersWhoSignedOut_AndNoOneElses()
    {
        var alice = await _data.AddUser("alice");
        var bob = await _data.AddUser("bob");
        await _data.SignOut(alice);
        await using var db = _data.NewContext();

        var closed = await new CloseSignedOutConnectionsHandler(db, _broadcaster)
            .Handle(new CloseSignedOutConnections([alice.Id, bob.Id, alice.Id]), Ct);

        Assert.Equal(1, closed);
        await _broadcaster.Received(1).CloseConnectionsOf(alice.Id, Arg.Any<CancellationToken>());
        await _broadcaster.DidNotReceive().CloseConnectionsOf(bob.Id, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ForgetEnded_ForgetsWhatEndedBeforeTheRetention()
    {
        var presence = Substitute.For<IPresenceTracker>();
        presence.ForgetEnded(Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(3);
        var retention = TimeSpan.FromHours(2);

        var forgotten = await new ForgetEndedConnectionsHandler(presence, Options.Create(new PresenceOptions { ConnectionRetention = retention }), _data.Clock)
            .Handle(new ForgetEndedConnections(), Ct);

        Assert.Equal(3, forgotten);
        await presence.Received(1).ForgetEnded(_data.Clock.GetUtcNow() - retention, Arg.Any<CancellationToken>());
    }

    public void Dispose() => _data.Dispose();
}
