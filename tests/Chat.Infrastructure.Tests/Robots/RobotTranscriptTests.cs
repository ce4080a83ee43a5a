using Chat.Infrastructure.Robots;

namespace Chat.Infrastructure.Tests.Robots;

public sealed class RobotTranscriptTests
{
    [Theory]
    [InlineData("alice: hi: there", "alice", "hi: there")]
    [InlineData("Zoë: ça va?", "Zoë", "ça va?")]
    [InlineData("note to self: buy milk", null, "note to self: buy milk")]
    [InlineData("just talking", null, "just talking")]
    [InlineData(": hi", null, ": hi")]
    public void Split_ReadsTheSpeakerOnlyWhenTheLineStartsWithAUsername(string line, string? speaker, string text) =>
        Assert.Equal((speaker, text), RobotTranscript.Split(line));

    [Fact]
    public void Line_AndSplit_RoundTrip() =>
        Assert.Equal(("bob", "a: b"), RobotTranscript.Split(RobotTranscript.Line("bob", "a: b")));

    [Theory]
    [InlineData("  sleepyotter: haha  ", "haha")]
    [InlineData("haha sleepyotter: no", "haha sleepyotter: no")]
    [InlineData(" bob: you?", "bob: you?")]
    [InlineData("sleepyotter:", "")]
    public void WithoutOwnName_RemovesOnlyTheRobotsOwnNameInFront(string reply, string expected) =>
        Assert.Equal(expected, RobotTranscript.WithoutOwnName(reply, "SleepyOtter"));
}
