using Chat.Application.Common.Models;

namespace Chat.Web.Endpoints;

// The seed's success bodies, member for member (snake_case on the wire).

public sealed record StatusResponse(string Message);

public sealed record RegisterResponse(bool DidSucceed, string Message, RegisteredUserData Data);

public sealed record RegisteredUserData(string User);

public sealed record WelcomeResponse(string Message, CurrentUserData Data);

public sealed record CurrentUserData(UserDto User);

public sealed record LobbyResponse(string Message, RoomData Data, bool DidSucceed, string Ws);

public sealed record RoomData(string Room);

public sealed record LeftResponse(string Message, bool DidSucceed);

public sealed record SessionsResponse(string Message, IReadOnlyList<SessionDto> PendingSessions, IReadOnlyList<SessionDto> ActiveSessions);

public sealed record UsersResponse(string Message, IReadOnlyList<UserDto> Users);

public sealed record RobotsResponse(string Message, IReadOnlyList<string> Robots);

public sealed record MessagesResponse(string Message, IReadOnlyList<MessageDto> Messages);
