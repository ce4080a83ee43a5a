namespace Chat.Domain.Robots;

/// <summary>
/// Who a robot plays for the whole of its game: a first name, an age, where it
/// lives and what it does, so that it answers "where are you from?" the same way
/// every time it is asked. A persona is a function of the robot's username: the
/// name is stored with its seat when it is recruited, so every node, before and
/// after a restart, sees the same persona without a column of its own.
/// </summary>
/// <param name="Occupation">Reads after "I'm": "a nurse", "studying law".</param>
public sealed record RobotPersona(string FirstName, int Age, string Home, string Occupation)
{
    public const int YoungestAge = 19;
    public const int OldestAge = 46;

    private static readonly string[] FirstNames =
    [
        "Alex", "Sam", "Maya", "Leo", "Nina", "Omar", "Jules", "Mia", "Noah", "Emma", "Lucas", "Sofia", "Finn", "Ella",
        "Max", "Zoe", "Liam", "Ava", "Theo", "Luna", "Kai", "Ivy", "Ben", "Lea", "Jonas", "Clara", "Felix", "Hanna",
        "Oscar", "Iris", "Milo", "Rosa", "Adam", "Sara", "Eli", "Nora", "Tom", "Lily", "Jack", "Amy", "Dan", "Kate",
        "Matt", "Jess", "Chris", "Anna", "Ryan", "Lucy", "Yuki", "Ravi", "Ana", "Marco", "Elif", "Tariq", "Ines",
        "Pablo", "Aisha", "Sven", "Mateo",
    ];

    private static readonly string[] Homes =
    [
        "Leeds", "Manchester", "Bristol", "Glasgow", "Dublin", "Cork", "Lyon", "Ghent", "Utrecht", "Hamburg", "Leipzig",
        "Vienna", "Zurich", "Turin", "Porto", "Valencia", "Krakow", "Gothenburg", "Aarhus", "Tampere", "Toronto",
        "Montreal", "Denver", "Austin", "Portland", "Chicago", "Melbourne", "Brisbane", "Auckland", "Cape Town",
        "a small town near Bath", "a village outside Utrecht", "the suburbs of Dublin", "Ohio, sadly",
    ];

    private static readonly string[] Occupations =
    [
        "a nurse", "a barista", "a teacher", "a bike courier", "an electrician", "a junior accountant", "a line cook",
        "a bookseller", "a vet nurse", "a lab technician", "a paralegal", "a carpenter", "a dental hygienist",
        "a delivery driver", "a graphic designer", "a physio", "a warehouse supervisor", "a librarian",
        "studying law", "studying biology", "studying history", "doing a nursing degree", "doing a phd in chemistry",
        "working in a call centre", "working at a bakery", "working in a bike shop", "between jobs right now",
    ];

    /// <summary>The persona of the robot called <paramref name="robotName"/>; the same name always gives the same one.</summary>
    public static RobotPersona For(string robotName)
    {
        ArgumentNullException.ThrowIfNull(robotName);
        var seed = Seed(robotName);
        var random = new Random(seed);
        return new RobotPersona(
            FirstNameIn(robotName) ?? FirstNames[random.Next(FirstNames.Length)],
            random.Next(YoungestAge, OldestAge + 1),
            Homes[random.Next(Homes.Length)],
            Occupations[random.Next(Occupations.Length)]);
    }

    /// <summary>A handle like "maya92" or "MayaOtter" speaks for its owner's first name.</summary>
    private static string? FirstNameIn(string robotName) =>
        FirstNames
            .Where(n => robotName.StartsWith(n, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(n => n.Length)
            .FirstOrDefault();

    /// <summary>FNV-1a over the lower-cased name: stable across processes and runtime versions, unlike string.GetHashCode.</summary>
    private static int Seed(string robotName)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in robotName.ToUpperInvariant())
            {
                hash = (hash ^ c) * 16777619u;
            }

            return (int)(hash & 0x7FFFFFFF);
        }
    }
}
