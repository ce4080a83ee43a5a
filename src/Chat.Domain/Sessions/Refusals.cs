namespace Chat.Domain.Sessions;

/// <summary>
/// The sentences a player reads when a room refuses them, each written once
/// whichever layer notices the refusal first.
/// </summary>
public static class Refusals
{
    public static string NoSuchRoom(string room) => $"There is no session named '{room}'.";

    public static string NotAPlayer(string room) => $"You are not a player of '{room}'.";

    public static string NotAPlayerYet(string room) => $"You are not a player of '{room}'; join the session first.";

    public static string OnlyPlayersRead(string room) => $"Only players of '{room}' can read its messages.";

    public static string AlreadyAPlayer(string room) => $"You are already a player of '{room}'.";

    public static string AlreadyInSession(string room) => $"You are already in the session '{room}'; leave it first.";

    public static string Ended(string room) => $"The session '{room}' has ended.";

    public static string AlreadyStarted(string room) => $"The session '{room}' has already started.";

    public static string Full(string room) => $"The session '{room}' is full.";

    public static string RoomTaken(string room) => $"The room '{room}' is taken; please pick another name.";

    public const string NotInASession = "You are not in a session.";

    public const string NoOpenSession = "There is no open session to join right now; host one instead.";
}
