namespace Chat.Cluster.Tests.Infrastructure;

/// <summary>Players a test made but does not use, disposed together.</summary>
internal sealed class PlayerSet : IAsyncDisposable
{
    private readonly List<Player> _players = [];

    public void Add(Player player) => _players.Add(player);

    public async ValueTask DisposeAsync()
    {
        foreach (var player in _players)
        {
            await player.DisposeAsync();
        }
    }
}
