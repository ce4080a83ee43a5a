using System.Globalization;
using System.Runtime.CompilerServices;
using Chat.Infrastructure.Robots;
using Microsoft.Extensions.AI;

namespace Chat.Infrastructure.Robots.Offline;

/// <summary>
/// The built-in robot: a rule-based responder behind <see cref="IChatClient"/>, so
/// a fresh install has a working robot with no model server. The same seed and
/// the same recent conversation always give the same reply.
/// </summary>
internal sealed class OfflineChatClient(string modelId, int seed) : IChatClient
{
    public const string ProviderName = "offline";

    /// <summary>Only the recent lines shape the reply, as a person skimming the chat would.</summary>
    private const int RecentMessages = 8;

    private readonly ChatClientMetadata _metadata = new(ProviderName, providerUri: null, defaultModelId: modelId);

    public Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (id, reply) = Answer(messages);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, reply) { MessageId = id })
        {
            ResponseId = id,
            ModelId = modelId,
            FinishReason = ChatFinishReason.Stop,
        };
        return Task.FromResult(response);
    }

    /// <summary>Word by word, like a model streaming tokens, so streaming callers see the usual shape.</summary>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (id, reply) = Answer(messages);
        var words = reply.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, i == 0 ? words[i] : " " + words[i])
            {
                ResponseId = id,
                MessageId = id,
                ModelId = modelId,
                FinishReason = i == words.Length - 1 ? ChatFinishReason.Stop : null,
            };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return _metadata;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
    }

    private (string Id, string Reply) Answer(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        // Read twice (the persona, then the lines), so an iterator is read once into a list.
        IReadOnlyList<ChatMessage> all = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var recent = all.Where(m => m.Role != ChatRole.System).TakeLast(RecentMessages).ToList();

        var hash = StableHash.Start();
        hash.Add(seed);
        foreach (var message in recent)
        {
            hash.Add(message.Role.Value);
            hash.Add(message.AuthorName);
            hash.Add(message.Text);
        }

        var conversationSeed = hash.ToSeed();
        var heard = recent.LastOrDefault(m => m.Role == ChatRole.User);
        var utterance = heard is null ? null : Hear(heard);
        var ownReplies = recent.Where(m => m.Role == ChatRole.Assistant).Select(m => m.Text).ToList();
        var persona = RobotTranscript.PersonaOf(all);
        var reply = OfflineResponder.Reply(utterance, ownReplies, new Random(conversationSeed), persona);
        return ($"offline-{conversationSeed.ToString("x8", CultureInfo.InvariantCulture)}", reply);
    }

    /// <summary>
    /// The speaker is the message's author name, or else the name a room's transcript
    /// writes in front of the line (<see cref="RobotTranscript"/>), so the robot can
    /// answer "alice: hi" with "hey alice" and never reflect the name back as words.
    /// </summary>
    private static Utterance Hear(ChatMessage heard)
    {
        if (heard.AuthorName is not null)
        {
            return new Utterance(heard.Text, heard.AuthorName);
        }

        var (speaker, text) = RobotTranscript.Split(heard.Text);
        return new Utterance(text, speaker);
    }
}
