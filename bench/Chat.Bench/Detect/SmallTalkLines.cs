namespace Chat.Bench.Detect;

/// <summary>
/// What the scripted players say: everyday lines of several lengths, some asking,
/// some answering, as strangers in a chat room write them (lower case, loose
/// punctuation). Nothing here is chosen to trip up the robot.
/// </summary>
internal static class SmallTalkLines
{
    /// <summary>Starting something when the room goes quiet.</summary>
    public static IReadOnlyList<string> Openers { get; } =
    [
        "so where is everyone from?",
        "anyone watching anything good lately?",
        "how's everyone's day going",
        "what do you all do for work?",
        "this is weird, i've never played this before",
        "ok who's the robot then? lol",
        "it's raining again here, classic",
        "anyone else just get off work?",
        "what did you have for lunch?",
        "i'm so tired today",
        "does anyone actually like mondays",
        "any plans for the weekend?",
        "hi all",
        "hello?",
        "so... how do we figure this out",
        "what music are you into?",
    ];

    /// <summary>Answers to a question.</summary>
    public static IReadOnlyList<string> Answers { get; } =
    [
        "near manchester, you?",
        "not much honestly",
        "yeah",
        "no idea lol",
        "i work in a shop, pretty boring",
        "i'm a student, final year, it's a lot",
        "mostly just youtube tbh",
        "pizza, again",
        "going to my sister's on saturday probably",
        "not sure yet, maybe nothing",
        "hmm good question",
        "all sorts, bit of everything really",
        "ok i guess, bit long",
        "nah",
        "i've been watching the new season of that baking show, it's so good",
        "from spain originally but i live in london now",
        "depends on the day haha",
        "nurse, nights this week so i'm half asleep",
    ];

    /// <summary>Reactions to something said, sometimes turned back into a question.</summary>
    public static IReadOnlyList<string> Reactions { get; } =
    [
        "haha",
        "lol",
        "same",
        "oh nice",
        "fair enough",
        "wait really?",
        "that's cool",
        "yeah i get that",
        "omg same here",
        "hmm",
        "ok that sounds like something a robot would say",
        "why do you say that?",
        "you sound very human to me",
        "i don't know what to think",
        "what about you?",
        "and you?",
        "that's so true, i was just thinking about that yesterday",
        "lol ok",
    ];

    public static bool Asks(string line) => line.Contains('?', StringComparison.Ordinal);
}
