namespace Chat.Domain.Robots;

/// <summary>
/// When a session's robot speaks, as a person in a chat would: it answers what
/// the others say, never itself, and says one thing at a time. A message heard
/// while a turn is pausing is simply part of what that turn reads; one heard
/// while the robot is answering earns one more turn afterwards. Pure state: the
/// caller owns the clock, the threads and the lock.
/// </summary>
public sealed class TurnTaking
{
    private readonly Dictionary<int, Phase> _turns = [];

    private enum Phase
    {
        /// <summary>Pausing before the turn; what is heard now will be read by it.</summary>
        Pausing,

        /// <summary>Reading the room and asking the model.</summary>
        Answering,

        /// <summary>Answering, and someone spoke since the room was read.</summary>
        AnsweringHeardMore,
    }

    /// <summary>Sessions with a turn under way.</summary>
    public int TurnsUnderWay => _turns.Count;

    /// <summary>
    /// A player said something in a session whose robot is <paramref name="robot"/>
    /// (null when it has none). True when a turn should start: the caller pauses,
    /// then calls <see cref="Answering"/> and takes the turn.
    /// </summary>
    public bool Heard(int sessionId, string speaker, string? robot)
    {
        if (robot is null || string.Equals(speaker, robot, StringComparison.Ordinal))
        {
            return false;
        }

        return Start(sessionId);
    }

    /// <summary>
    /// The robot has just sat down. Like a person arriving, it reads what was said
    /// before it came: true when a turn should start for that (the turn itself stays
    /// silent when nobody has said anything); otherwise it is noted as if heard.
    /// </summary>
    public bool Arrived(int sessionId) => Start(sessionId);

    private bool Start(int sessionId)
    {
        if (_turns.TryGetValue(sessionId, out var phase))
        {
            if (phase == Phase.Answering)
            {
                _turns[sessionId] = Phase.AnsweringHeardMore;
            }

            return false;
        }

        _turns[sessionId] = Phase.Pausing;
        return true;
    }

    /// <summary>The pause is over: the turn reads the room now.</summary>
    public void Answering(int sessionId) => _turns[sessionId] = Phase.Answering;

    /// <summary>
    /// The turn ended, answered or not. True when someone spoke while it was
    /// answering: the caller pauses again and takes one more turn.
    /// </summary>
    public bool Finished(int sessionId)
    {
        if (_turns.TryGetValue(sessionId, out var phase) && phase == Phase.AnsweringHeardMore)
        {
            _turns[sessionId] = Phase.Pausing;
            return true;
        }

        _turns.Remove(sessionId);
        return false;
    }
}
