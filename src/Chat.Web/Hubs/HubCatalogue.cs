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
            """{"room": "lounge", "username": "alice", "after_seq": 41}""",
            """{"room": "lounge", "messages": [Message], "complete": true, "session": Session}""",
            "Starts the room's broadcasts to this connection. Without `after_seq`, `messages` holds the latest 50 messages, oldest first; with it, the messages after that seq, oldest first, at most 500, and `complete` is false when more remain to fetch with `GET /api/sessions/{room}/messages?after_seq=`. `session` is the room's session now. The seat's first `join` posts `\"<username> has joined the room.\"`, which arrives as a `message` event to the whole room, the caller included (it is not in `messages`); a later `join` of the same seat (a reconnect, a reload, a second tab) is silent. Send `join` again after every reconnect, with the last `seq` you hold.",
            [
                "A blank (missing, null, empty or only spaces) room or username: `Username and room name are required!`.",
                "A username that is not the signed-in name exactly as registered, or a caller who is not a player of that session: a sentence saying so.",
                "Every refusal is also sent to the caller as an `error` event, before the call fails with the same sentence.",
            ],
            "none"),
        new(
            "message",
            """{"from": "alice", "room": "lounge", "message": "hi", "client_msg_id": "c-17"}""",
            "Message (the stored message)",
            "Stores the text, then broadcasts it to the room as a `message` event (the sender's connections included) and returns it. `client_msg_id` (optional, 1-64 letters, digits, `-` or `_`): sending the same one again in the same session (after a lost acknowledgement, a reconnect, from a second tab) returns the message stored the first time, same `id` and `seq`, and stores and broadcasts nothing.",
            [
                "`from` is not the signed-in user, the user is not a player of that session, the session has ended, the text is empty after trimming or longer than 2000 characters, or `client_msg_id` breaks its rule: the call fails with a sentence saying which; nothing is stored or broadcast, and no event is sent.",
                "Over the limit: the call fails with a sentence that starts `You are sending messages too fast` and says when to try again; nothing is stored. A resend is the exception: a `client_msg_id` the sender already stored in that session is answered with the message stored the first time, as below the limit, since it stores nothing new. A client retrying after a lost acknowledgement is often one that has just sent a burst.",
            ],
            string.Create(
                CultureInfo.InvariantCulture,
                $"`{LimitsOptions.Section}:{nameof(LimitsOptions.MessagesPerSecond)}` ({Defaults.MessagesPerSecond}) a second per user with bursts of `{LimitsOptions.Section}:{nameof(LimitsOptions.MessageBurst)}` ({Defaults.MessageBurst}), across all of the user's connections")),
        new(
            "vote",
            """{"room": "lounge", "suspect": "bob"}""",
            "Game (the game after the vote)",
            "During a game's `vote` phase, names the present player the caller takes for the robot; sent again, it changes the caller's vote. The room hears `game_updated`; when every present player (the robot included) has voted, the game is over at once. The same as `POST /api/sessions/{room}/vote`.",
            [
                "A blank room or suspect, or a vote for oneself: a sentence saying so.",
                "The caller is not a present player of that session, the session is not a game or not in its `vote` phase, or no present player has that name: the call fails with a sentence saying which; nothing is counted.",
            ],
            "none"),
        new(
            "typing",
            """{"room": "lounge"}""",
            "nothing",
            "Tells the room the caller is typing: the room's other connections get the `typing` event (the caller's own connections do not). Nothing is stored. At most one a second per player is relayed; one sent sooner is dropped and the call still succeeds.",
            [
                "A blank room, a caller who is not a player of that session, or a session that has ended: the call fails with a sentence saying which.",
            ],
            "one relayed a second per player; the rest are dropped silently"),
    ];

    public static IReadOnlyList<HubEvent> Events { get; } =
    [
        new(ChatEvents.Message, "Message", "A message was stored in a room this connection has joined: a player's line, a robot's, or a system notice (`\"kind\": \"system\"`, `\"from\": \"Server\"`)."),
        new(ChatEvents.Error, """{"msg": "..."}""", "A `join` of this connection was refused (the seed's event); the call fails with the same sentence."),
        new(ChatEvents.SessionUpdated, "Session", "The players, host or state of a session whose room this connection has joined changed."),
        new(ChatEvents.Typing, """{"room": "lounge", "from": "alice"}""", "Another player of a room this connection has joined is typing (a robot too, before each of its messages)."),
        new(ChatEvents.GameUpdated, "Game", "The game of a room this connection has joined changed phase (`chat`, `vote`, `over`) or counted a vote."),
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
