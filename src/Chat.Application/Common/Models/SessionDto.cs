using Chat.Domain.Sessions;

namespace Chat.Application.Common.Models;

/// <summary>The wire form of a session. <c>Players</c> lists the robot like anyone else; <c>Game</c> is null when the session is not a game.</summary>
public sealed record SessionDto(
    int Id,
    string Room,
    string? Robot,
    int HostId,
    string Host,
    SessionState State,
    int MaxPlayersAllowed,
    IReadOnlyList<string> Players,
    DateTimeOffset CreatedAt,
    GameDto? Game);
