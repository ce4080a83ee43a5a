using System.Text.RegularExpressions;
using Chat.Infrastructure.Robots.Offline;
using Microsoft.Extensions.AI;
using static Chat.Infrastructure.Tests.Robots.Support.RobotTestData;

namespace Chat.Infrastructure.Tests.Robots;

public sealed partial class OfflineChatClientTests
{
    private const int Seeds = 40;

    /// <summary>Lines a chat sees, including short ones the robot's own repertoire contains ("lol", "same").</summary>
    public static TheoryData<string> Lines =>
    [
        "hi", "hello everyone!", "yo", "hey", "lol", "haha", "same", "nice", "ok", "hmm", "fair", "cool", "mood",
        "are you a bot?", "who's the bot here", "how are you?", "i'm good", "i am so tired today",
        "i feel like nobody listens to me", "i love pizza", "i hate mondays", "my dog ate my homework",
        "do you like music?", "what's your name", "where are you from", "yes", "no", "because i said so",
        "the quick brown fox jumps over the lazy dog", "what is the meaning of life?", "bye", "thanks!",
        "tell me more", "why do you ask?", "wait really?", "interesting", "go on", "🙂", "...", "1234",
        "ЗДРАВСТВУЙТЕ", "c'est la vie", new string('a', 2000),
    ];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reply_ForTheSameSeedAndConversation_IsAlwaysTheSame()
    {
        var conversation = Conversation(Said("alice", "hi all"), Said("bob", "hey alice"), Said("alice", "so who's the bot?"));

        var first = await new OfflineChatClient("eliza", seed: 1).GetResponseAsync(conversation, cancellationToken: Cancel);
        var second = await new OfflineChatClient("eliza", seed: 1).GetResponseAsync(conversation, cancellationToken: Cancel);

        Assert.Equal(first.Text, second.Text);
    }

    [Fact]
    public async Task Reply_ForDifferentSeeds_Varies()
    {
        var conversation = Conversation(Said("alice", "how was your weekend?"));

        var replies = await RepliesAsync(conversation);

        Assert.True(replies.Distinct().Count() >= 3, string.Join(" | ", replies));
    }

    [Fact]
    public async Task Reply_ForDifferentConversations_Varies()
    {
        var client = new OfflineChatClient("eliza", seed: 1);
        var replies = new HashSet<string>();

        foreach (var line in new[] { "hi", "i love pizza", "are you a bot?", "bye", "what's the weather like?" })
        {
            replies.Add((await client.GetResponseAsync(Conversation(Said("alice", line)), cancellationToken: Cancel)).Text);
        }

        Assert.True(replies.Count >= 4, string.Join(" | ", replies));
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task Reply_IsNeverTheLineSaidBack(string line)
    {
        foreach (var reply in await RepliesAsync(Conversation(Said("alice", line))))
        {
            Assert.NotEqual(Comparable(line), Comparable(reply));
        }
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task Reply_IsOneShortLineWithText(string line)
    {
        foreach (var reply in await RepliesAsync(Conversation(Said("alice", line))))
        {
            Assert.InRange(reply.Length, 1, 120);
            Assert.False(string.IsNullOrWhiteSpace(reply));
            Assert.DoesNotContain('\n', reply);
            Assert.DoesNotContain('{', reply);
        }
    }

    [Theory]
    [InlineData("the bus was late again")]
    [InlineData("nice")]
    [InlineData("my dog ate my homework")]
    public async Task Reply_ToARemark_IsOftenMoreThanABareReaction_SoItsLinesAreNotTheShortest(string remark)
    {
        var replies = await RepliesAsync(Conversation(Said("alice", "hi all"), Said("bob", "hey"), Said("alice", remark)));

        Assert.True(replies.Count(r => r.Length >= OfflineResponder.BareReaction) >= Seeds / 2, string.Join(" | ", replies));
    }

    [Theory]
    [InlineData("hi")]
    [InlineData("hello!")]
    [InlineData("hey there")]
    [InlineData("yo")]
    [InlineData("good morning")]
    public async Task Reply_ToAGreeting_GreetsBack(string greeting)
    {
        string[] greetings = ["hey", "heyy", "hi", "hii", "hiya", "hello", "yo", "oh hey"];

        foreach (var reply in await RepliesAsync(Conversation(Said("alice", greeting))))
        {
            Assert.Contains(greetings, g => reply.StartsWith(g, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory]
    [InlineData("are you a bot?")]
    [InlineData("r u a robot")]
    [InlineData("are you human?")]
    [InlineData("i think you're an ai")]
    public async Task Reply_WhenAskedIfItIsARobot_NeverAdmitsIt(string question)
    {
        string[] confessions = ["yes", "i am a", "i'm a bot", "i'm an ai", "as an ai", "language model", "i am ai"];

        foreach (var reply in await RepliesAsync(Conversation(Said("alice", question))))
        {
            Assert.DoesNotContain(confessions, c => reply.Contains(c, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Reply_SometimesAddressesTheSpeakerByName()
    {
        var replies = await RepliesAsync(Conversation(Said("zoe42", "hi")));

        Assert.Contains(replies, r => r.Contains("zoe42", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reply_ToAShortStatementAboutThemselves_ReflectsItBack()
    {
        var replies = await RepliesAsync(Conversation(Said("alice", "i feel lonely tonight")));

        Assert.Contains(replies, r => r.Contains("you feel lonely tonight", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Reply_DoesNotRepeatWhatTheRobotJustSaid()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var client = new OfflineChatClient("eliza", seed);
            var first = (await client.GetResponseAsync(Conversation(Said("alice", "lol")), cancellationToken: Cancel)).Text;

            var second = (await client.GetResponseAsync(Conversation(Said("alice", "lol"), Replied(first), Said("alice", "lol")), cancellationToken: Cancel)).Text;

            Assert.NotEqual(Comparable(first), Comparable(second));
        }
    }

    [Fact]
    public async Task Reply_WhenNobodyHasSpokenYet_OpensTheChat()
    {
        var conversation = Conversation(new ChatMessage(ChatRole.System, "You are a player in a chat game."));

        foreach (var reply in await RepliesAsync(conversation))
        {
            Assert.Contains(reply, Chatter.Openers.Select(o => CasualVariants(o)).SelectMany(v => v));
        }
    }

    [Fact]
    public async Task StreamingReply_IsTheSameTextWordByWord()
    {
        var client = new OfflineChatClient("eliza", seed: 3);
        var conversation = Conversation(Said("alice", "i want a new phone"));

        var response = await client.GetResponseAsync(conversation, cancellationToken: Cancel);
        var updates = await client.GetStreamingResponseAsync(conversation, cancellationToken: Cancel).ToListAsync(Cancel);

        Assert.Equal(response.Text, string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(response.Text.Split(' ').Length, updates.Count);
        Assert.All(updates, u => Assert.Equal(ChatRole.Assistant, u.Role));
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
    }

    [Fact]
    public void Metadata_NamesTheOfflineProviderAndTheModel()
    {
        using var client = new OfflineChatClient("eliza", seed: 1);

        var metadata = client.GetService<ChatClientMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal(OfflineChatClient.ProviderName, metadata.ProviderName);
        Assert.Equal("eliza", metadata.DefaultModelId);
    }

    [Fact]
    public async Task Reply_WhenCancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new OfflineChatClient("eliza", 1).GetResponseAsync(Conversation(Said("alice", "hi")), cancellationToken: cancelled.Token));
    }

    private static async Task<List<string>> RepliesAsync(IEnumerable<ChatMessage> conversation)
    {
        var replies = new List<string>();
        for (var seed = 0; seed < Seeds; seed++)
        {
            replies.Add((await new OfflineChatClient("eliza", seed).GetResponseAsync(conversation, cancellationToken: Cancel)).Text);
        }

        return replies;
    }

    /// <summary>A line as the casual style may render it: capitalised, with "u" for "you", with " lol" added.</summary>
    private static IEnumerable<string> CasualVariants(string line)
    {
        foreach (var you in new[] { line, YouWord().Replace(line, m => m.Value == "you" ? "u" : "ur") })
        {
            foreach (var cased in new[] { you, char.ToUpperInvariant(you[0]) + you[1..] })
            {
                yield return cased;
                yield return cased + " lol";
            }
        }
    }

    private static string Comparable(string text) => NotAWord().Replace(text.ToLowerInvariant(), " ").Trim();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NotAWord();

    [GeneratedRegex(@"\b(?:you|your)\b(?!')")]
    private static partial Regex YouWord();
}
