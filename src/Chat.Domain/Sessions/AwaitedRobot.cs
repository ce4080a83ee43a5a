using Chat.Domain.Users;

namespace Chat.Domain.Sessions;

/// <summary>
/// A session's robot that has not sat down yet when a person takes the last place: it
/// sits down with them, just before or just after (<paramref name="SeatedAfter"/>), and
/// enters the room <paramref name="Entering"/> after its seat, as a person's page connects.
/// </summary>
public sealed record AwaitedRobot(User Robot, bool SeatedAfter, TimeSpan Entering);
