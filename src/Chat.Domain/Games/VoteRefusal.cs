using Chat.Domain.Common;

namespace Chat.Domain.Games;

/// <summary>Why a vote was refused; the application turns each into the answer a caller expects.</summary>
public enum VoteRefusal
{
    NotAGame,
    NotAPlayer,
    NotVoting,
    NoSuchSuspect,
    Self,
}

/// <summary>A vote the game's rules refuse, with the reason and the sentence the voter reads.</summary>
public sealed class VoteRefusedException(VoteRefusal reason, string message) : DomainException(message)
{
    public VoteRefusal Reason { get; } = reason;

    public static VoteRefusedException For(VoteRefusal reason, string room, string? suspect = null) => reason switch
    {
        VoteRefusal.NotAGame => new(reason, $"The session '{room}' is not a game; there is nothing to vote on."),
        VoteRefusal.NotAPlayer => new(reason, $"Only the players of '{room}' can vote."),
        VoteRefusal.NotVoting => new(reason, $"The game in '{room}' is not voting now."),
        VoteRefusal.NoSuchSuspect => new(reason, $"There is no player named '{suspect}' in '{room}'."),
        _ => new(reason, "You cannot vote for yourself."),
    };
}
