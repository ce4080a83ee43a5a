using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Presence.TrackConnection;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Chat.Application.Tests.Presence;

public sealed class TrackConnectionTests
{
    private readonly IPresenceTracker _presence = Substitute.For<IPresenceTracker>();
    private readonly FakeTimeProvider _clock = new(Build.Start);

    [Fact]
    public async Task ConnectionOpened_RecordsItForTheCaller()
    {
        await new TrackConnectionHandler(_presence, Build.Caller(7, "alice"), _clock).Handle(new ConnectionOpened("c1"), Ct);

        await _presence.Received(1).Connected("c1", 7, Build.Start, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ConnectionOpened_WithoutASignIn_IsUnauthorized_AndNotRecorded()
    {
        await Assert.ThrowsAsync<UnauthorizedException>(
            async () => await new TrackConnectionHandler(_presence, Build.Anonymous(), _clock).Handle(new ConnectionOpened("c1"), Ct));

        Assert.Empty(_presence.ReceivedCalls());
    }

    [Fact]
    public async Task ConnectionClosed_RecordsWhen()
    {
        _clock.Advance(TimeSpan.FromMinutes(3));

        await new TrackConnectionHandler(_presence, Build.Anonymous(), _clock).Handle(new ConnectionClosed("c1"), Ct);

        await _presence.Received(1).Disconnected("c1", Build.Start.AddMinutes(3), Arg.Any<CancellationToken>());
    }
}
