namespace Chat.Infrastructure.Realtime;

/// <summary>
/// The names of the server-to-client events, as the contract spells them. They
/// are not C# method names (<c>session_updated</c>), which is why the hub sends
/// them by name from this one place rather than through a typed client.
/// </summary>
public static class ChatEvents
{
    public const string Message = "message";
    public const string Error = "error";
    public const string SessionUpdated = "session_updated";
    public const string GameUpdated = "game_updated";
    public const string Typing = "typing";

    public static string RoomGroup(int sessionId) => $"session:{sessionId}";
}
