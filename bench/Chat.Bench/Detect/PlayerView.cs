namespace Chat.Bench.Detect;

/// <summary>
/// What one scripted player had seen when the vote opened: the lines said (in the
/// room's order), who joined in what order, the session's <c>players</c> list and
/// <c>GET /api/lobby/users</c>, each as listed. The cues judge from this alone.
/// <see cref="Others"/> are the suspects: the other players but the host, whom the
/// session names and who is therefore known to be a person.
/// </summary>
internal sealed record PlayerView(
    string Self,
    IReadOnlyList<string> Others,
    IReadOnlyList<RoomLine> Lines,
    IReadOnlyList<string> JoinOrder,
    IReadOnlyList<string> Players,
    IReadOnlyList<string> Users)
{
    public IEnumerable<RoomLine> LinesOf(string player) => Lines.Where(l => Same(l.From, player));

    /// <summary>
    /// Seconds from the line before to each of <paramref name="player"/>'s lines that
    /// followed someone else's: how quickly they come in after another has spoken.
    /// </summary>
    public IEnumerable<double> ReplyDelaysOf(string player) =>
        Lines.Zip(Lines.Skip(1))
            .Where(pair => Same(pair.Second.From, player) && !Same(pair.First.From, player))
            .Select(pair => (pair.Second.At - pair.First.At).TotalSeconds);

    public static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
