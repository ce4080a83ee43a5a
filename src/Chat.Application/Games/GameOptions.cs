using Chat.Domain.Games;

namespace Chat.Application.Games;

/// <summary>The <c>Game</c> configuration section: how long a game chats and votes.</summary>
public sealed class GameOptions
{
    public const string Section = "Game";

    public TimeSpan ChatLength { get; set; } = GameLengths.Default.Chat;

    public TimeSpan VoteLength { get; set; } = GameLengths.Default.Vote;

    public GameLengths Lengths => new(ChatLength, VoteLength);
}
