using Chat.Infrastructure.Robots.Offline;

namespace Chat.Infrastructure.Tests.Robots;

public sealed class ReflectionTests
{
    [Theory]
    [InlineData("i am your friend", "you are my friend")]
    [InlineData("you are mean to me", "i am mean to you")]
    [InlineData("i was there", "you were there")]
    [InlineData("see you later", "see me later")]
    [InlineData("it was fun", "it was fun")]
    [InlineData("i'm sure you know it", "you're sure i know it")]
    public void Reflect_SwapsFirstAndSecondPerson(string said, string reflected)
    {
        Assert.Equal(reflected, Reflection.Reflect(said.Split(' ')));
    }

    [Fact]
    public void Replies_ToAShortStatement_AskAboutIt()
    {
        var replies = Reflection.Replies(new Utterance("I feel tired.", "alice"));

        Assert.Contains("why do you feel tired?", replies);
    }

    [Fact]
    public void Replies_ToALongStatement_DoNotParrotIt()
    {
        var replies = Reflection.Replies(new Utterance("i am going to the big store down the road later", "alice"));

        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, r => r.Contains("store", StringComparison.Ordinal));
    }

    [Fact]
    public void Replies_StopAtTheEndOfASentence()
    {
        var replies = Reflection.Replies(new Utterance("i am hungry. what about you?", "alice"));

        Assert.Contains("why are you hungry?", replies);
    }
}
