namespace Chat.Infrastructure.Robots;

/// <summary>
/// The pieces of a robot's username: ordinary first names and the word pairs
/// people pick as handles. Nothing here hints at a machine.
/// </summary>
internal static class RobotNameParts
{
    public static IReadOnlyList<string> FirstNames { get; } =
    [
        "alex", "sam", "maya", "leo", "nina", "omar", "jules", "mia", "noah", "emma", "lucas", "sofia",
        "finn", "ella", "max", "zoe", "liam", "ava", "theo", "luna", "kai", "ivy", "ben", "lea",
        "jonas", "clara", "felix", "hanna", "oscar", "iris", "milo", "rosa", "adam", "sara", "eli", "nora",
        "tom", "lily", "jack", "amy", "dan", "kate", "matt", "jess", "chris", "anna", "ryan", "lucy",
        "yuki", "ravi", "ana", "marco", "elif", "tariq", "ines", "pablo", "aisha", "sven", "mateo", "léa",
        "zoë", "chloé", "björn", "renée", "andré", "josé", "jürgen", "noémie",
    ];

    public static IReadOnlyList<string> Adjectives { get; } =
    [
        "quiet", "sleepy", "happy", "lazy", "lucky", "cosmic", "crispy", "fuzzy", "sunny", "salty", "spicy", "grumpy",
        "silly", "chill", "wild", "tiny", "mighty", "rusty", "frosty", "cozy", "dizzy", "jolly", "snowy", "misty",
        "blue", "red", "golden", "silver", "purple", "dark", "little", "big", "old", "lost",
    ];

    public static IReadOnlyList<string> Nouns { get; } =
    [
        "fox", "otter", "panda", "tiger", "wolf", "owl", "bear", "cat", "dog", "frog", "duck", "koala",
        "moon", "star", "cloud", "river", "pine", "maple", "pixel", "taco", "noodle", "pancake", "waffle", "bean",
        "penguin", "llama", "sloth", "raven", "falcon", "comet", "storm", "banana", "mango", "cookie",
    ];
}
