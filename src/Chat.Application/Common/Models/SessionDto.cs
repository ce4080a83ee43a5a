using Chat.Domain.Sessions;

namespace Chat.Application.Common.Models;

/// <summary>The wire form of a session. <c>Players</c> lists the robot like anyone else.</summary>
public sealed record SessionDto(
    int Id,
    string Room,
    string? Robot,
    int HostId,
    string Host,
    SessionState State,
    int MaxPlayersAllowed,
    IReadOnlyList<string> Players,
    DateTimeOffset CreatedAt);
