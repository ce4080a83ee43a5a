namespace Chat.Domain.Games;

/// <summary>Where a game stands: waiting for players, chatting, voting, or over.</summary>
public enum GamePhase
{
    Waiting,
    Chat,
    Vote,
    Over,
}
