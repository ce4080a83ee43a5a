namespace Chat.Infrastructure.Robots.Offline;

/// <summary>
/// The social lines of a chat (greetings, thanks, "are you a bot?") and how a
/// player answers them. Order matters: the first intent that matches wins, so
/// the more specific ones come first.
/// </summary>
internal static class SmallTalk
{
    private static readonly string[] BotWords = ["bot", "bots", "robot", "robots", "ai", "chatgpt", "gpt", "llm", "machine", "computer", "program", "algorithm", "npc"];
    private static readonly string[] YouWords = ["you", "u", "ur", "you're", "youre", "yourself"];
    private static readonly string[] GreetingWords = ["hi", "hii", "hiii", "hello", "helo", "hey", "heey", "heyy", "heya", "hiya", "yo", "sup", "howdy", "hallo", "hola", "ciao", "greetings", "morning", "evening", "hai"];
    private static readonly string[] FarewellWords = ["bye", "byee", "goodbye", "cya", "gtg", "g2g", "goodnight", "gn", "ttyl", "laters"];
    private static readonly string[] FarewellPhrases = ["see you", "see ya", "gotta go", "got to go", "have to go", "good night", "talk later", "im off", "i'm off", "logging off"];
    private static readonly string[] ThanksWords = ["thanks", "thank", "thx", "ty", "tysm", "cheers", "thanx"];
    private static readonly string[] LaughWords = ["lol", "lmao", "lmfao", "rofl", "haha", "hahaha", "hahah", "hehe", "xd", "kek", "lool"];
    private static readonly string[] LaughEmoji = ["\U0001F602", "\U0001F923", "\U0001F606"];
    private static readonly string[] HowAreYouPhrases = ["how are you", "how r u", "how are u", "how r you", "hows it going", "how's it going", "how you doing", "how are you doing", "how's life", "hows life", "how are things", "you ok", "u ok", "you good", "u good", "hru", "how ya doing"];
    private static readonly string[] DoingPhrases = ["what are you doing", "what r u doing", "what are u doing", "wyd", "what you up to", "what are you up to", "what u up to", "whatcha doing"];
    private static readonly string[] NamePhrases = ["your name", "ur name", "who are you", "who r u", "who are u"];
    private static readonly string[] AgePhrases = ["how old", "your age", "ur age"];
    private static readonly string[] PlacePhrases = ["where are you from", "where r u from", "where are u from", "where do you live", "where do u live", "where you from", "where u from", "where are you"];
    private static readonly string[] WellWords = ["fine", "good", "great", "alright", "happy", "awesome", "amazing", "chill", "gud"];
    private static readonly string[] UnwellWords = ["tired", "bored", "sad", "sick", "stressed", "meh", "bad", "exhausted", "sleepy", "hungry", "ill", "lonely"];
    private static readonly string[] YesWords = ["yes", "yeah", "yea", "yep", "yup", "sure", "ok", "okay", "k", "true", "right", "exactly", "agreed", "indeed", "definitely", "ya", "ye"];
    private static readonly string[] NoWords = ["no", "nope", "nah", "nay", "never"];
    private static readonly string[] RudeWords = ["stupid", "dumb", "idiot", "shut", "hate", "boring", "annoying", "weird", "creepy", "loser"];

    public static IReadOnlyList<Intent> Intents { get; } =
    [
        new("bot-accusation", u => u.HasAny(BotWords) && u.HasAny(YouWords) || u.HasAnyPhrase(["are you human", "are you real", "r u human", "are u human", "r u real", "real person", "a real human"]),
        [
            "lol no",
            "haha what? no",
            "are YOU a bot?",
            "that's exactly what a bot would ask",
            "beep boop. jk",
            "nope, 100% human. i think lol",
            "why, do i sound like one?",
            "{name} that's rude lol",
            "nah i just type slow",
            "not me, i'm eating cereal rn",
        ]),
        new("bot-hunt", u => u.HasAny(BotWords) && u.IsQuestion || u.HasAny(["sus", "suspicious", "impostor", "imposter", "vote"]),
        [
            "idk, someone's typing way too fast lol",
            "not me lol",
            "hmm {name} is kinda sus ngl",
            "my money's on whoever asked first",
            "no idea honestly",
            "the quiet ones, always",
        ]),
        new("farewell", u => u.HasAny(FarewellWords) || u.HasAnyPhrase(FarewellPhrases),
        [
            "cya!",
            "bye {name}!",
            "later!",
            "take care",
            "already? ok bye",
            "see ya {name}",
            "night night",
        ]),
        new("how-are-you", u => u.HasAnyPhrase(HowAreYouPhrases),
        [
            "pretty good, you?",
            "not bad! you?",
            "tired lol. you?",
            "can't complain. hbu?",
            "good good, hbu {name}?",
            "doing alright, you?",
            "meh, could be worse. you?",
        ]),
        new("greeting", u => u.Words.Count <= 6 && u.StartsWithAny(GreetingWords) || u.HasAnyPhrase(["good morning", "good evening", "whats up", "what's up", "wassup", "what up"]),
        [
            "hey {name}!",
            "hi :)",
            "yo",
            "heyy",
            "hello hello",
            "hey! how's it going?",
            "hiya {name}",
            "oh hey",
            "hey, what's up?",
            "hii {name}",
        ]),
        new("doing", u => u.HasAnyPhrase(DoingPhrases),
        [
            "not much, just chilling",
            "procrastinating tbh",
            "trying to figure out who the bot is lol",
            "eating snacks. you?",
            "nothing really, you?",
        ]),
        new("name", u => u.HasAnyPhrase(NamePhrases),
        [
            "it's right there on your screen lol",
            "just a random person killing time",
            "why, who are you?",
            "does it matter? lol",
        ]),
        new("age", u => u.HasAnyPhrase(AgePhrases),
        [
            "old enough lol",
            "mid twenties. you?",
            "why do you ask?",
            "older than i'd like",
        ]),
        new("place", u => u.HasAnyPhrase(PlacePhrases),
        [
            "somewhere rainy lol",
            "europe-ish. you?",
            "not telling, you first",
            "far away from here i guess",
        ]),
        new("unwell", u => u.Words.Count <= 6 && u.HasAny(UnwellWords) && !u.IsQuestion,
        [
            "aw why?",
            "oh no, what's up?",
            "same tbh",
            "hope it gets better",
            "ugh, relatable",
        ],
        Reflects: true),
        new("well", u => u.Words.Count <= 5 && u.HasAny(WellWords) && !u.IsQuestion,
        [
            "nice",
            "glad to hear :)",
            "same here",
            "good good",
            "nice nice",
        ]),
        new("thanks", u => u.HasAny(ThanksWords),
        [
            "np",
            "no worries",
            "anytime",
            "sure thing",
            "np {name}",
        ]),
        new("laughter", u => u.HasAny(LaughWords) || LaughEmoji.Any(e => u.Text.Contains(e, StringComparison.Ordinal)),
        [
            "haha",
            "lol",
            "right??",
            "ikr",
            "lmao",
            "hehe",
        ]),
        new("yes", u => u.Words.Count <= 3 && u.HasAny(YesWords) && !u.IsQuestion,
        [
            "cool",
            "nice",
            "ok cool",
            "fair enough",
            "same",
            "good to know",
        ]),
        new("no", u => u.Words.Count <= 3 && u.HasAny(NoWords) && !u.IsQuestion,
        [
            "oh ok",
            "fair",
            "why not?",
            "lol ok",
            "hm ok",
        ]),
        new("rude", u => u.HasAny(RudeWords) && u.HasAny(YouWords),
        [
            "wow ok",
            "rude lol",
            "someone's grumpy today",
            "ouch",
            "ok calm down {name}",
        ]),
    ];
}
