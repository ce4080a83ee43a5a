namespace Chat.Web.Tests.Support;

/// <summary>The usual start of a room test, for any server a test signs people up at (in process or a process of its own).</summary>
public static class HostAndJoin
{
    /// <summary>Alice hosts a fresh room and Bob joins it, both by REST; neither has a hub connection yet.</summary>
    public static async Task<(string Room, ChatClient Alice, ChatClient Bob)> Through(Func<Task<ChatClient>> signUp)
    {
        ArgumentNullException.ThrowIfNull(signUp);
        var room = Unique.Room();
        var alice = await signUp();
        await alice.Host(room);
        var bob = await signUp();
        await bob.Join(room);
        return (room, alice, bob);
    }
}
