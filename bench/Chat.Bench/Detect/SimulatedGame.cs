namespace Chat.Bench.Detect;

/// <summary>
/// One game of "who is the robot?" between <see cref="People"/> scripted players
/// and the robot: the host opens the room and enters it, the others arrive one by
/// one, everybody chats until the vote, votes, and hears the reveal.
/// </summary>
internal static class SimulatedGame
{
    public const int People = 3;

    public static async Task<GameRecord> PlayAsync(Uri baseUri, string room, string robotModel, double scale, PlayerNames names, Random random, TimeSpan timeout)
    {
        var players = Enumerable.Range(0, People)
            .Select(_ => new ScriptedPlayer(names.Next(), room, baseUri, new HumanTiming(scale, new Random(random.Next())), new Random(random.Next())))
            .ToList();
        using var gameOver = new CancellationTokenSource(timeout);
        try
        {
            await Task.WhenAll(players.Select(p => p.RegisterAsync(gameOver.Token)));
            var host = players[0];
            await host.HostAsync(People, robotModel, gameOver.Token);
            await host.EnterAsync(gameOver.Token);
            await Task.WhenAll(players.Select(p => p == host ? p.PlayAsync(gameOver.Token) : ArriveAndPlayAsync(p, gameOver.Token)));
            var robot = players.Select(p => p.Robot).FirstOrDefault(r => r is not null)
                ?? throw new InvalidOperationException($"{room}: the game ended without naming its robot");
            return new GameRecord(robot, [.. players.Select(p => p.View).OfType<PlayerView>()]);
        }
        catch (OperationCanceledException) when (gameOver.IsCancellationRequested)
        {
            throw new TimeoutException($"{room}: the game did not end within {timeout.TotalSeconds:0}s");
        }
        finally
        {
            foreach (var player in players)
            {
                await player.DisposeAsync();
            }
        }
    }

    private static async Task ArriveAndPlayAsync(ScriptedPlayer player, CancellationToken gameOver)
    {
        await player.ArriveAsync(gameOver);
        await player.PlayAsync(gameOver);
    }
}
