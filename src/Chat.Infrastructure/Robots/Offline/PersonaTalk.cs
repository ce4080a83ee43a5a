using Chat.Domain.Robots;

namespace Chat.Infrastructure.Robots.Offline;

/// <summary>
/// Questions about the robot itself (name, age, home, work), answered from the
/// persona it keeps for the game, so the answer is the same each time it is asked.
/// Checked before <see cref="SmallTalk"/>, whose vaguer answers serve when no
/// persona is known. Placeholders: <c>{first}</c>, <c>{age}</c>, <c>{home}</c>, <c>{job}</c>.
/// </summary>
internal static class PersonaTalk
{
    private static readonly string[] NamePhrases = ["your name", "ur name", "who are you", "who r u", "who are u", "your real name", "ur real name"];
    private static readonly string[] AgePhrases = ["how old", "your age", "ur age"];
    private static readonly string[] PlacePhrases =
        ["where are you from", "where r u from", "where are u from", "where do you live", "where do u live", "where you from", "where u from", "where are you based", "where r u based", "where are you"];

    private static readonly string[] JobPhrases =
    [
        "what do you do", "what do u do", "what do you work", "your job", "ur job", "do you work", "do u work", "for a living",
        "do you study", "do u study", "are you a student", "r u a student", "what's your job", "whats your job", "what is your job",
    ];

    public static IReadOnlyList<Intent> Intents { get; } =
    [
        new("persona-place", u => u.HasAnyPhrase(PlacePhrases),
        [
            "{home}. you?",
            "i'm in {home}",
            "{home} lol, you?",
            "{home}, not very exciting",
        ]),
        new("persona-job", u => u.HasAnyPhrase(JobPhrases),
        [
            "i'm {job}. you?",
            "{job}, it's ok i guess",
            "{job} lol. what about you?",
        ]),
        new("persona-age", u => u.HasAnyPhrase(AgePhrases),
        [
            "{age}. you?",
            "{age}, why lol",
            "i'm {age}",
        ]),
        new("persona-name", u => u.HasAnyPhrase(NamePhrases),
        [
            "{first} :) you?",
            "i'm {first}",
            "{first}, the name's up there lol",
        ]),
    ];

    public static string Fill(string template, RobotPersona persona) =>
        template
            .Replace("{first}", persona.FirstName, StringComparison.Ordinal)
            .Replace("{age}", persona.Age.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{home}", persona.Home, StringComparison.Ordinal)
            .Replace("{job}", persona.Occupation, StringComparison.Ordinal);
}
