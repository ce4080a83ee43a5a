namespace Chat.Web.Tests.Presence.Support;

public static class Rooms
{
    /// <summary>A room name no other test uses.</summary>
    public static string Fresh() => $"lounge-{Guid.NewGuid():N}";
}
