namespace Chat.Browser.Tests.Infrastructure;

/// <summary>
/// Ann hosts a two-seat room and Bob joins it from his lobby list, which was open
/// before the room existed, so the list had to refresh itself to show it.
/// </summary>
internal sealed class TwoPlayers : IAsyncDisposable
{
    private TwoPlayers(ChatUser ann, ChatUser bob, string room)
    {
        Ann = ann;
        Bob = bob;
        Room = room;
    }

    public ChatUser Ann { get; }

    public ChatUser Bob { get; }

    public string Room { get; }

    /// <param name="beforeBobJoins">Runs while Bob is still in the lobby, before his page opens the hub.</param>
    public static async Task<TwoPlayers> MeetAsync(ChatSite site, string roomPrefix, Func<ChatUser, Task>? beforeBobJoins = null)
    {
        var ann = await ChatUser.RegisterAsync(site, "ann");
        var bob = await ChatUser.RegisterAsync(site, "bob");
        var players = new TwoPlayers(ann, bob, Unique.Room(roomPrefix));
        try
        {
            await ann.HostAsync(players.Room, maxPlayers: 2);
            if (beforeBobJoins is not null)
            {
                await beforeBobJoins(bob);
            }

            await bob.JoinFromListAsync(players.Room);
            return players;
        }
        catch
        {
            await players.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Ann.DisposeAsync();
        await Bob.DisposeAsync();
    }
}
