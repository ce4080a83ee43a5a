using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Games;

/// <summary>
/// <see cref="ChatApp"/> with games short enough for a test: three seconds of chat,
/// ten of vote, due times looked for every 200 ms, and the offline robot <c>eliza</c>.
/// Over a SQLite file of its own, or one shared with another instance (two nodes).
/// </summary>
public sealed class GameApp : ChatApp
{
    public static readonly TimeSpan ChatLength = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan VoteLength = TimeSpan.FromSeconds(10);

    /// <summary>Longer than any phase, for a busy machine.</summary>
    public static readonly TimeSpan PhasePatience = TimeSpan.FromSeconds(25);

    public GameApp()
    {
        Configure();
    }

    internal GameApp(string databasePath)
        : base(databasePath, new ServerLog())
    {
        Configure();
    }

    private void Configure()
    {
        Settings["Game:ChatLength"] = ChatLength.ToString("c");
        Settings["Game:VoteLength"] = VoteLength.ToString("c");
        Settings["DueTimes:PollInterval"] = "00:00:00.200";
        Settings["Robot:ReplyDelay"] = "00:00:00.050";
        Settings["Robot:Models:eliza:Provider"] = "Offline";
    }
}
