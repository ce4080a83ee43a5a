using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Robots;

/// <summary>
/// <see cref="ChatApp"/> with the offline robot at a short but human-shaped pace
/// (<c>Robot:ReplyDelay</c> 200 ms), so its timing can be compared with a person's
/// in seconds rather than minutes.
/// </summary>
public sealed class PacedRobotApp : ChatApp
{
    public static readonly TimeSpan ReplyDelay = TimeSpan.FromMilliseconds(200);

    protected override ValueTask BeforeStart()
    {
        Settings["Robot:ReplyDelay"] = ReplyDelay.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        Settings["Robot:Models:eliza:Provider"] = "Offline";
        return ValueTask.CompletedTask;
    }
}
