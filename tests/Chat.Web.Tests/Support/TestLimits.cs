namespace Chat.Web.Tests.Support;

/// <summary>The settings that switch every request limit off, as the outside test suites pass them.</summary>
public static class TestLimits
{
    public static readonly IReadOnlyDictionary<string, string> Off = new Dictionary<string, string>
    {
        ["Limits:RegistrationsPerMinute"] = "0",
        ["Limits:LobbyActionsPerMinute"] = "0",
        ["Limits:MessagesPerSecond"] = "0",
        ["Limits:MessageBurst"] = "0",
    };
}
