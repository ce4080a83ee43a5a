using System.Globalization;
using System.Text;
using Chat.Infrastructure.Realtime;
using Chat.Web.Endpoints;
using Chat.Web.Limits;

namespace Chat.Web.Hubs;

/// <summary>
/// The hub's methods and events as a client author reads them. docs/realtime.md is
/// written from this (<see cref="ToMarkdown"/>), and tests compare it with the hub's
/// public methods, the event names and that page, so none of them can drift apart.
/// </summary>
public static class HubCatalogue
{
    private static readonly LimitsOptions Defaults = new();

    /// <summary>A method a client invokes; each takes one JSON object.</summary>
    public sealed record HubMethod(string Name, string Argument, string Returns, string Does, IReadOnlyList<string> Refusals, string Limit);

    /// <summary>An event the server sends to clients.</summary>
    public sealed record HubEvent(string Name, string Payload, string When);

    public static IReadOnlyList<HubMethod> Methods { get; } =
    [
        new(
            "join",
            """{"room": "lounge", "username": "alice"}""",
            """{"room": "lounge", "messages": [Message]}""",
            "Starts the room's broadcasts to this connection. The result holds the latest 50 messages before the caller's own join notice, oldest first; the notice `\"<username> has joined the room.\"` then arrives as a `message` event to the whole room, the caller included. Send `join` again after every reconnect.",
            [
                "A blank (missing, null, empty or only spaces) room or username: `Username and room name are required!`.",
                "A username that is not the signed-in name exactly as registered, or a caller who is not a player of that session: a sentence saying so.",
                "Every refusal is also sent to the caller as an `error` event, before the call fails with the same sentence.",
            ],
            "none"),
        new(
            "message",
            """{"from": "alice", "room": "lounge", "message": "hi"}""",
            "Message (the stored message)",
            "Stores the text, then broadcasts it to the room as a `message` event (the sender's connections included) and returns it.",
            [
                "`from` is not the signed-in user, the user is not a player of that session, the session has ended, or the text is empty after trimming or longer than 2000 characters: the call fails with a sentence saying which; nothing is stored or broadcast, and no event is sent.",
                "Over the limit: the call fails with a sentence that starts `You are sending messages too fast` and says when to try again; nothing is stored.",
            ],
            string.Create(
                CultureInfo.InvariantCulture,
                $"`{LimitsOptions.Section}:{nameof(LimitsOptions.MessagesPerSecond)}` ({Defaults.MessagesPerSecond}) a second per user with bursts of `{LimitsOptions.Section}:{nameof(LimitsOptions.MessageBurst)}` ({Defaults.MessageBurst}), across all of the user's connections")),
    ];

    public static IReadOnlyList<HubEvent> Events { get; } =
    [
        new(ChatEvents.Message, "Message", "A message was stored in a room this connection has joined: a player's line, a robot's, or a system notice (`\"kind\": \"system\"`, `\"from\": \"Server\"`)."),
        new(ChatEvents.Error, """{"msg": "..."}""", "A `join` of this connection was refused (the seed's event); the call fails with the same sentence."),
        new(ChatEvents.SessionUpdated, "Session", "The players, host or state of a session whose room this connection has joined changed."),
    ];

    /// <summary>The generated part of docs/realtime.md.</summary>
    public static string ToMarkdown()
    {
        var page = new StringBuilder();
        page.Append("Hub address: `").Append(HubAddress.Path).Append("`.\n\n");
        page.Append("### Methods (client to server)\n\n");
        page.Append("| method | argument | returns | limit |\n|---|---|---|---|\n");
        foreach (var method in Methods)
        {
            page.Append(CultureInfo.InvariantCulture, $"| `{method.Name}` | `{method.Argument}` | {Code(method.Returns)} | {method.Limit} |\n");
        }

        foreach (var method in Methods)
        {
            page.Append(CultureInfo.InvariantCulture, $"\n#### `{method.Name}`\n\n{method.Does}\n\n");
            foreach (var refusal in method.Refusals)
            {
                page.Append(CultureInfo.InvariantCulture, $"- {refusal}\n");
            }
        }

        page.Append("\n### Events (server to client)\n\n");
        page.Append("| event | payload | sent when |\n|---|---|---|\n");
        foreach (var hubEvent in Events)
        {
            page.Append(CultureInfo.InvariantCulture, $"| `{hubEvent.Name}` | {Code(hubEvent.Payload)} | {hubEvent.When} |\n");
        }

        return page.ToString();
    }

    private static string Code(string text) => text.StartsWith('{') ? $"`{text}`" : text;
}
