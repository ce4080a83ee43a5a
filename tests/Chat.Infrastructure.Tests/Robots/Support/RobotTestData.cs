using Chat.Application.Common.Interfaces;
using Chat.Infrastructure.Robots;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Tests.Robots.Support;

/// <summary>Small builders for robot options and conversations.</summary>
internal static class RobotTestData
{
    public const string StubModelKey = "stubby";
    public const string StubProviderModel = "stub-model";

    public static RobotOptions OptionsFor(Uri endpoint, TimeSpan timeout, string? apiKey = "sekrit") => new()
    {
        ReplyTimeout = timeout,
        Models =
        {
            [StubModelKey] = new RobotModelOptions { Provider = RobotProvider.OpenAI, Endpoint = endpoint, ApiKey = apiKey, Model = StubProviderModel },
        },
    };

    public static RobotChatClients ClientsFor(Uri endpoint, TimeSpan timeout, string? apiKey = "sekrit") =>
        new(Options.Create(OptionsFor(endpoint, timeout, apiKey)));

    public static ChatMessage Said(string author, string text) => new(ChatRole.User, text) { AuthorName = author };

    public static ChatMessage Replied(string text) => new(ChatRole.Assistant, text);

    public static ChatMessage[] Conversation(params ChatMessage[] messages) => messages;

    /// <summary>What the robot <see cref="RobotName"/> is asked to answer: one line from <paramref name="author"/>.</summary>
    public static RobotConversation Heard(string author, string text) =>
        new(RobotName, [new ConversationLine(author, text, IsOwn: false)]);

    public const string RobotName = "maya92";
}
