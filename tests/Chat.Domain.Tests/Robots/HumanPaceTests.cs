using Chat.Domain.Robots;

namespace Chat.Domain.Tests.Robots;

public sealed class HumanPaceTests
{
    private static readonly TimeSpan Typical = TimeSpan.FromMilliseconds(1500);

    [Fact]
    public void Reading_VariesAroundTheTypicalPause_AndALongerLineTakesLonger()
    {
        var pace = HumanPace.Of(Typical, new Random(7));
        var shortReads = Enumerable.Range(0, 200).Select(_ => pace.Reading(5)).ToList();
        var longReads = Enumerable.Range(0, 200).Select(_ => pace.Reading(HumanPace.LongLine)).ToList();

        Assert.All(shortReads, r => Assert.InRange(r, Typical * HumanPace.ReadingLeast, Typical * (HumanPace.ReadingMost + HumanPace.LongLineReading)));
        Assert.True(shortReads.Distinct().Count() > 100, "reading pauses should vary");
        Assert.True(longReads.Average(r => r.TotalMilliseconds) > shortReads.Average(r => r.TotalMilliseconds) + (Typical.TotalMilliseconds * 0.3));
    }

    [Fact]
    public void Typing_GrowsWithTheReplysLength_UpToACap()
    {
        var pace = HumanPace.Of(Typical, new Random(7));
        double Mean(int length) => Enumerable.Range(0, 200).Average(_ => pace.Typing(length).TotalMilliseconds);

        Assert.True(Mean(10) < Mean(30));
        Assert.True(Mean(30) < Mean(60));
        Assert.All(Enumerable.Range(0, 200), _ => Assert.True(pace.Typing(2000) <= Typical * (HumanPace.MaxTypingPauses * HumanPace.TypingMost)));
        Assert.All(Enumerable.Range(0, 200), _ => Assert.True(pace.Typing(1) >= Typical * (HumanPace.MinTypingPauses * HumanPace.TypingLeast)));
    }

    [Fact]
    public void EverythingScalesWithTheTypicalPause_SoAShortSettingGivesQuickReplies()
    {
        var quick = TimeSpan.FromMilliseconds(200);
        var pace = HumanPace.Of(quick, new Random(3));

        for (var i = 0; i < 200; i++)
        {
            Assert.True(pace.Reading(2000) + pace.Typing(2000) <= quick * HumanPace.MaxTotalPauses);
            Assert.InRange(pace.Arrival(), quick * HumanPace.ArrivalLeast, quick * HumanPace.ArrivalMost);
        }

        Assert.True(quick * HumanPace.MaxTotalPauses < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Arrival_VariesFromGameToGame()
    {
        var pace = HumanPace.Of(Typical, new Random(11));

        Assert.True(Enumerable.Range(0, 50).Select(_ => pace.Arrival()).Distinct().Count() > 40);
    }

    [Fact]
    public void Arrival_SpansTheTimePeopleTakeToFindTheRoom_SoTheRobotIsNotAlwaysTheFirstToJoinTheHost()
    {
        var pace = HumanPace.Of(Typical, new Random(3));

        var arrivals = Enumerable.Range(0, 1000).Select(_ => pace.Arrival() / Typical).ToList();

        Assert.InRange(arrivals.Count(a => a < 5), 200, 350);
        Assert.InRange(arrivals.Count(a => a > 10), 300, 420);
        Assert.All(arrivals, a => Assert.InRange(a, HumanPace.ArrivalLeast, HumanPace.ArrivalMost));
    }

    [Fact]
    public void Entering_TakesAsLongAsAPersonsPageTakesToConnect_AndVariesFromGameToGame()
    {
        var pace = HumanPace.Of(Typical, new Random(5));

        var entrances = Enumerable.Range(0, 200).Select(_ => pace.Entering()).ToList();

        Assert.All(entrances, e => Assert.InRange(e, Typical * HumanPace.EnteringLeast, Typical * HumanPace.EnteringMost));
        Assert.True(entrances.Distinct().Count() > 150);
        Assert.True(entrances.Max() < TimeSpan.FromSeconds(1), "a person's page is in the room within a second of joining");
        Assert.Equal(Typical, HumanPace.Steady(Typical).Entering());
    }

    [Fact]
    public void LetsGoBy_NeverWhenSpokenToAlone()
    {
        var pace = HumanPace.Of(Typical, new Random(1));
        (string, string)[] talk = [("alice", "hi"), ("maya92", "hey"), ("alice", "nice weather")];

        Assert.All(Enumerable.Range(0, 200), _ => Assert.False(pace.LetsGoBy(talk, "maya92")));
    }

    [Fact]
    public void LetsGoBy_NeverAQuestionOrALineNamingIt()
    {
        var pace = HumanPace.Of(Typical, new Random(1));

        Assert.All(Enumerable.Range(0, 200), _ => Assert.False(pace.LetsGoBy([("alice", "hi"), ("bob", "anyone there?")], "maya92")));
        Assert.All(Enumerable.Range(0, 200), _ => Assert.False(pace.LetsGoBy([("alice", "hi"), ("bob", "Maya92 says nothing")], "maya92")));
    }

    [Fact]
    public void LetsGoBy_AboutHalfTheRemarksWhenTheOthersTalkAmongThemselves()
    {
        var pace = HumanPace.Of(Typical, new Random(1));
        (string, string)[] talk = [("alice", "i love pizza"), ("bob", "same, pineapple too")];

        var quiet = Enumerable.Range(0, 1000).Count(_ => pace.LetsGoBy(talk, "maya92"));

        Assert.InRange(quiet, 420, 580);
    }

    [Fact]
    public void LetsGoBy_InCompany_ARemarkRightAfterItsOwnLineToo_SoItDoesNotWriteTheMostLines()
    {
        var pace = HumanPace.Of(Typical, new Random(1));
        (string, string)[] talk = [("alice", "hi all"), ("bob", "hey"), ("maya92", "long day here"), ("alice", "haha same")];

        var quiet = Enumerable.Range(0, 1000).Count(_ => pace.LetsGoBy(talk, "maya92"));

        Assert.InRange(quiet, 420, 580);
    }

    [Fact]
    public void Steady_ReadsForExactlyTheTypicalPause_TypesInNoTime_AndAnswersEverything()
    {
        var pace = HumanPace.Steady(Typical);

        Assert.Equal(Typical, pace.Reading(500));
        Assert.Equal(TimeSpan.Zero, pace.Typing(500));
        Assert.False(pace.LetsGoBy([("alice", "i love pizza"), ("bob", "same")], "maya92"));
    }
}
