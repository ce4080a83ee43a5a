using Chat.Domain.Users;

namespace Chat.Application.Common.Models;

/// <summary>The wire form of a user: <c>{"id", "username", "session_id", "state"}</c>.</summary>
public sealed record UserDto(int Id, string Username, int? SessionId, UserState State)
{
    public static UserDto Of(int id, string username, int? sessionId) =>
        new(id, username, sessionId, sessionId is null ? UserState.Waiting : UserState.Active);
}
