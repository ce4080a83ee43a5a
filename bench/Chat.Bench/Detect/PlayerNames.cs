using System.Globalization;

namespace Chat.Bench.Detect;

/// <summary>
/// Usernames for the scripted players, made the way people make them (a first name,
/// often with digits; now and then a word pair), so that where they fall in a listing
/// by name says nothing about who is a person. Their first names and words differ from
/// the robot's, so a player never takes the name a robot holds; each is used once a run.
/// </summary>
internal sealed class PlayerNames(Random random)
{
    private static readonly string[] FirstNames =
    [
        "rachel", "paul", "tim", "greta", "hugo", "olga", "victor", "wendy", "bilal", "carmen", "diego", "fatima",
        "george", "helen", "ibrahim", "joanna", "kevin", "laura", "martin", "naomi", "owen", "priya", "quentin",
        "rebecca", "simon", "tanya", "ursula", "vera", "william", "xavier", "yasmin", "zack", "beth", "callum",
        "dora", "erik", "gina", "harry", "isla", "jamal", "keira", "lorenzo", "megan", "nadia", "ollie", "petra",
    ];

    private static readonly string[] Words = ["grey", "brave", "odd", "calm", "green", "swift", "nerd", "gamer", "rocket", "badger", "hedgehog", "robin"];

    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    public string Next()
    {
        lock (_gate)
        {
            while (true)
            {
                var name = Make();
                if (_used.Add(name))
                {
                    return name;
                }
            }
        }
    }

    private string Make()
    {
        var first = FirstNames[random.Next(FirstNames.Length)];
        return random.Next(4) switch
        {
            0 => first,
            1 => string.Create(CultureInfo.InvariantCulture, $"{first}{random.Next(1, 100)}"),
            2 => string.Create(CultureInfo.InvariantCulture, $"{first}{random.Next(1970, 2008)}"),
            _ => $"{Capitalised(Words[random.Next(Words.Length)])}{Capitalised(first)}",
        };
    }

    private static string Capitalised(string word) => string.Concat(word[..1].ToUpperInvariant(), word[1..]);
}
