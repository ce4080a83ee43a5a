namespace Chat.Domain.Games;

/// <summary>
/// How long a game chats and votes. Stored with the game when it is hosted, so every
/// node that carries out one of its due times agrees on them.
/// </summary>
public sealed record GameLengths(TimeSpan Chat, TimeSpan Vote)
{
    public static readonly GameLengths Default = new(TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(45));
}
