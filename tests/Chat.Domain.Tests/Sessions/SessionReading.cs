using Chat.Domain.Sessions;

namespace Chat.Domain.Tests.Sessions;

/// <summary>Questions the tests ask of a session that the service itself has no use for.</summary>
internal static class SessionReading
{
    /// <summary>Whether a person could take a seat now.</summary>
    public static bool HasRoom(this ChatSession session) =>
        session.State == SessionState.Pending && session.HumanPlayerCount < session.MaxPlayersAllowed;

    /// <summary>Whether the user ever held a seat, present or not.</summary>
    public static bool WasEverPlayer(this ChatSession session, int userId) => session.Members.Any(m => m.UserId == userId);
}
