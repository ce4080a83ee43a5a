using Chat.Application.Common.Interfaces;
using Chat.Domain.Robots;
using Chat.Domain.Users;
using Microsoft.Extensions.AI;

namespace Chat.Infrastructure.Robots;

/// <summary>
/// How a room's recent messages are put to a robot's model: a system prompt that
/// casts it as one of the players, then each player's message as a user line
/// "name: text" and the robot's own messages as its replies.
/// </summary>
/// <remarks>
/// The speaker is written into the text rather than into the message's author
/// name: OpenAI refuses author names outside [A-Za-z0-9_-], which would silence
/// the robot for a room with a "Zoë" in it, and many compatible servers ignore them.
/// </remarks>
public static class RobotTranscript
{
    /// <summary>
    /// Where the system message carries the <see cref="RobotPersona"/> for a model that
    /// reads it as data (the offline one); a remote model reads it from the prompt.
    /// </summary>
    public const string PersonaProperty = "chat.persona";

    private const string Separator = ": ";

    public static string SystemPrompt(string robotName, RobotPersona? persona = null) =>
        $"You are {robotName}, a player in a casual online chat game. Chat like a person typing in a chat room: "
        + "reply briefly and casually, usually one short sentence, with no lists or formatting. "
        + "Never say or hint that you are an AI, a bot or a language model. "
        + (persona is null ? string.Empty : PersonaSentence(persona))
        + "Each message from the others starts with its author's name and a colon; "
        + "write only your own message, without your name in front.";

    /// <summary>Who the robot is for the whole game, so that what it says about itself always agrees.</summary>
    public static string PersonaSentence(RobotPersona persona)
    {
        ArgumentNullException.ThrowIfNull(persona);
        return $"You are {persona.FirstName}, {persona.Age}, you live in {persona.Home}, and you are {persona.Occupation}. "
            + "Stay this person for the whole chat: when asked about yourself, answer as them, the same way every time, "
            + "and otherwise do not bring it up. ";
    }

    /// <summary>The conversation put to a robot's model, oldest message first.</summary>
    public static IReadOnlyList<ChatMessage> For(RobotConversation conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return
        [
            System(conversation),
            .. conversation.Lines.Select(line => line.IsOwn
                ? new ChatMessage(ChatRole.Assistant, line.Text)
                : new ChatMessage(ChatRole.User, Line(line.Speaker, line.Text))),
        ];
    }

    private static ChatMessage System(RobotConversation conversation)
    {
        var system = new ChatMessage(ChatRole.System, SystemPrompt(conversation.RobotName, conversation.Persona));
        if (conversation.Persona is not null)
        {
            system.AdditionalProperties = new() { [PersonaProperty] = conversation.Persona };
        }

        return system;
    }

    /// <summary>The persona a conversation's system message carries, if any.</summary>
    public static RobotPersona? PersonaOf(IEnumerable<ChatMessage> messages) =>
        messages.FirstOrDefault(m => m.Role == ChatRole.System)?.AdditionalProperties?.TryGetValue(PersonaProperty, out var value) == true
            ? value as RobotPersona
            : null;

    public static string Line(string speaker, string text) => speaker + Separator + text;

    /// <summary>
    /// Reads a user line back into speaker and text. A line that does not start with
    /// something a username could be is all text, with no speaker.
    /// </summary>
    public static (string? Speaker, string Text) Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var at = line.IndexOf(Separator, StringComparison.Ordinal);
        if (at > 0 && Username.Problem(line[..at]) is null)
        {
            return (line[..at], line[(at + Separator.Length)..]);
        }

        return (null, line);
    }

    /// <summary>
    /// A model that imitates the transcript may put its own name in front of its
    /// line; a person never types that, so it is taken off.
    /// </summary>
    public static string WithoutOwnName(string reply, string robotName)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var trimmed = reply.Trim();
        var ownPrefix = robotName + Separator.TrimEnd();
        return trimmed.StartsWith(ownPrefix, StringComparison.OrdinalIgnoreCase) ? trimmed[ownPrefix.Length..].Trim() : trimmed;
    }
}
