using Chat.Infrastructure.Robots;
using Chat.Infrastructure.Robots.Offline;
using Microsoft.Extensions.AI;

namespace Chat.Infrastructure.Tests.Robots;

/// <summary>The offline robot reads a room's transcript lines ("alice: hi") as a line said by alice.</summary>
public sealed class OfflineTranscriptTests
{
    private const int Seeds = 40;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reply_ToATranscriptLine_AddressesItsSpeaker()
    {
        var replies = await RepliesTo(RobotTranscript.Line("zoe42", "hi"));

        Assert.Contains(replies, r => r.Contains("zoe42", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reply_ToATranscriptLine_ReflectsTheTextWithoutTheName()
    {
        var replies = await RepliesTo(RobotTranscript.Line("alice", "i feel lonely tonight"));

        Assert.Contains(replies, r => r.Contains("you feel lonely tonight", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(replies, r => r.Contains("alice feel", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<List<string>> RepliesTo(string line)
    {
        var conversation = new[] { new ChatMessage(ChatRole.System, RobotTranscript.SystemPrompt("maya92")), new ChatMessage(ChatRole.User, line) };
        var replies = new List<string>();
        for (var seed = 0; seed < Seeds; seed++)
        {
            replies.Add((await new OfflineChatClient("eliza", seed).GetResponseAsync(conversation, cancellationToken: Cancel)).Text);
        }

        return replies;
    }
}
