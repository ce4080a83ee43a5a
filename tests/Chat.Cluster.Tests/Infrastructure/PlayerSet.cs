namespace Chat.Cluster.Tests.Infrastructure;

/// <summary>Players signed up through nginx, by the node nginx sends each to; disposed together.</summary>
internal sealed class PlayerSet : IAsyncDisposable
{
    private readonly List<(Player Player, ChatNode Node)> _players = [];

    public void Add(Player player, ChatNode node) => _players.Add((player, node));

    public int Count(ChatNode node) => _players.Count(p => p.Node == node);

    /// <summary>The players nginx sends to this node, in sign-up order.</summary>
    public IReadOnlyList<Player> ServedBy(ChatNode node) => [.. _players.Where(p => p.Node == node).Select(p => p.Player)];

    public async ValueTask DisposeAsync()
    {
        foreach (var (player, _) in _players)
        {
            await player.DisposeAsync();
        }
    }
}
