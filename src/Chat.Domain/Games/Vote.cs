namespace Chat.Domain.Games;

/// <summary>One player's current answer to "who is the robot?"; changing it overwrites it.</summary>
public sealed class Vote
{
    private Vote()
    {
        Voter = string.Empty;
        Suspect = string.Empty;
    }

    internal Vote(int voterId, string voter, bool byRobot, int suspectId, string suspect, bool namesRobot, DateTimeOffset at)
    {
        VoterId = voterId;
        Voter = voter;
        ByRobot = byRobot;
        SuspectId = suspectId;
        Suspect = suspect;
        NamesRobot = namesRobot;
        CastAt = at;
    }

    public int VoterId { get; private set; }

    public string Voter { get; private set; }

    /// <summary>The robot's own ballot: counted in the vote, never in what the humans judged.</summary>
    public bool ByRobot { get; private set; }

    public int SuspectId { get; private set; }

    public string Suspect { get; private set; }

    /// <summary>Whether the suspect is the robot; kept for the statistics, never sent before the game is over.</summary>
    public bool NamesRobot { get; private set; }

    public DateTimeOffset CastAt { get; private set; }

    internal void Name(int suspectId, string suspect, bool namesRobot, DateTimeOffset at)
    {
        SuspectId = suspectId;
        Suspect = suspect;
        NamesRobot = namesRobot;
        CastAt = at;
    }
}
