using Chat.Application.Common.Interfaces;
using Chat.Domain.Robots;
using Chat.Infrastructure.Robots;
using Chat.Infrastructure.Robots.Offline;

namespace Chat.Infrastructure.Tests.Robots;

/// <summary>The persona a robot keeps: put to the model as its instructions, and answered from by the offline model.</summary>
public sealed class PersonaTests
{
    private const int Seeds = 30;
    private static readonly RobotPersona Persona = new("Maya", 27, "Leeds", "a nurse");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void Transcript_PutsThePersonaInTheInstructions()
    {
        var system = RobotTranscript.For(Conversation("hi"))[0];

        Assert.Contains("Maya", system.Text, StringComparison.Ordinal);
        Assert.Contains("27", system.Text, StringComparison.Ordinal);
        Assert.Contains("Leeds", system.Text, StringComparison.Ordinal);
        Assert.Contains("a nurse", system.Text, StringComparison.Ordinal);
        Assert.Equal(Persona, RobotTranscript.PersonaOf(RobotTranscript.For(Conversation("hi"))));
    }

    [Fact]
    public void Transcript_WithoutAPersona_SaysNothingOfOne() =>
        Assert.Null(RobotTranscript.PersonaOf(RobotTranscript.For(new RobotConversation("maya92", [new("alice", "hi", IsOwn: false)]))));

    [Theory]
    [InlineData("where are you from?", "Leeds")]
    [InlineData("so what do you do for a living?", "a nurse")]
    [InlineData("how old are you", "27")]
    [InlineData("what's your name?", "Maya")]
    public async Task OfflineModel_AnswersQuestionsAboutItself_FromItsPersona_EveryTime(string question, string fact)
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var reply = (await new OfflineChatClient("eliza", seed).GetResponseAsync(RobotTranscript.For(Conversation(question)), cancellationToken: Cancel)).Text;
            Assert.Contains(fact, reply, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static RobotConversation Conversation(string line) =>
        new("maya92", [new ConversationLine("alice", line, IsOwn: false)], Persona);
}
