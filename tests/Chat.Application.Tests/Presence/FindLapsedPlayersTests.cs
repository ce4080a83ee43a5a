using Chat.Application.Common.Interfaces;
using Chat.Application.Presence;
using Chat.Application.Presence.FindLapsedPlayers;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Chat.Application.Tests.Presence;

/// <summary>The lapse rule over what the tracker reports; the grace is 60 s, a connection is stale after 30 s.</summary>
public sealed class FindLapsedPlayersTests
{
    private static readonly PresenceOptions Settings = new()
    {
        DisconnectGrace = TimeSpan.FromSeconds(60),
        ConnectionStaleAfter = TimeSpan.FromSeconds(30),
    };

    private readonly FakeTimeProvider _clock = new(Build.Start.AddHours(1));
    private readonly IPresenceTracker _presence = Substitute.For<IPresenceTracker>();

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public async Task Find_AsksForSeatsWithoutAConnectionVouchedForWithinTheStaleTime()
    {
        Absent();

        await Find();

        await _presence.Received(1).AbsentSeats(Now - Settings.ConnectionStaleAfter, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Find_ASeatGoneLongerThanTheGrace_HasLapsed_AndOneGoneLessHasNot()
    {
        Absent(
            new AbsentSeat(1, 10, Now.AddMinutes(-10), Now - Settings.DisconnectGrace - TimeSpan.FromSeconds(1)),
            new AbsentSeat(2, 10, Now.AddMinutes(-10), Now - Settings.DisconnectGrace + TimeSpan.FromSeconds(1)));

        Assert.Equal([new LapsedPlayer(1, 10)], await Find());
    }

    [Fact]
    public async Task Find_AConnectionThatEndedBeforeTheSeatWasTaken_CountsFromTheSeat()
    {
        Absent(
            new AbsentSeat(1, 10, Now - Settings.DisconnectGrace + TimeSpan.FromSeconds(1), Now.AddMinutes(-6)),
            new AbsentSeat(2, 10, Now - Settings.DisconnectGrace - TimeSpan.FromSeconds(1), Now.AddMinutes(-6)));

        Assert.Equal([new LapsedPlayer(2, 10)], await Find());
    }

    [Fact]
    public async Task Find_APlayerWhoNeverConnected_LapsesOnceTheGraceHasPassedSinceTheSeatWasTaken()
    {
        Absent(
            new AbsentSeat(1, 10, Now - Settings.DisconnectGrace - TimeSpan.FromSeconds(1), LastGone: null),
            new AbsentSeat(2, 10, Now - Settings.DisconnectGrace + TimeSpan.FromSeconds(1), LastGone: null));

        Assert.Equal([new LapsedPlayer(1, 10)], await Find());
    }

    private void Absent(params AbsentSeat[] seats) =>
        _presence.AbsentSeats(Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>()).Returns(seats);

    private async Task<IReadOnlyList<LapsedPlayer>> Find() =>
        await new FindLapsedPlayersHandler(_presence, Options.Create(Settings), _clock).Handle(new FindLapsedPlayers(), Ct);
}
