namespace Chat.Infrastructure.Robots.Offline;

/// <summary>What a player says when nothing in particular applies: fillers that keep the chat moving.</summary>
internal static class Chatter
{
    /// <summary>When nobody has said anything yet.</summary>
    public static IReadOnlyList<string> Openers { get; } =
    [
        "hey all",
        "so... anyone here?",
        "quiet in here lol",
        "what's everyone up to?",
        "hi everyone",
    ];

    /// <summary>Answers to a question no rule understood: vague, the way people dodge.</summary>
    public static IReadOnlyList<string> Dodges { get; } =
    [
        "hmm not sure tbh",
        "good question",
        "idk, what do you think?",
        "depends i guess",
        "no idea lol",
        "honestly? no clue",
        "why do you ask?",
        "ask me something easier lol",
    ];

    /// <summary>Reactions to a statement no rule understood.</summary>
    public static IReadOnlyList<string> Reactions { get; } =
    [
        "lol true",
        "hmm",
        "fair",
        "interesting",
        "wait really?",
        "oh nice",
        "same",
        "ok but why",
        "haha ok",
        "tell me more",
        "that's kinda wild",
        "mood",
        "go on",
        "hm, never thought about it like that",
        "oh really? how come",
    ];

    /// <summary>
    /// What a person adds after a bare reaction to a remark: a bit about themselves,
    /// now and then a question back. Without it the robot's lines were the shortest in
    /// every game of the detectability check, which gave it away.
    /// </summary>
    public static IReadOnlyList<string> Afterthoughts { get; } =
    [
        "long day here",
        "i'm only half paying attention tbh",
        "i'm on my lunch break so kinda distracted",
        "been a slow day over here",
        "kinda tired today",
        "my coffee went cold while i was typing lol",
        "this game is so weird",
        "i was just thinking about that",
        "what about you?",
        "anyone else feel that way?",
    ];
}
