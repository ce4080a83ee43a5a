using System.Globalization;
using Chat.Domain.Users;

namespace Chat.Infrastructure.Robots;

/// <summary>
/// Makes usernames for robots that read like the ones people pick ("maya92",
/// "SleepyOtter", "quietfox7"), so the name does not give the robot away.
/// Every name passes <see cref="Username.Problem"/>; the same <see cref="Random"/>
/// state gives the same name, and calling again gives another (for a taken one).
/// </summary>
public static class RobotNames
{
    /// <summary>A generous bound: every shape below is valid, so this only guards against a bad list entry.</summary>
    private const int Attempts = 16;

    public static string Create(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var name = Shape(random);
            if (Username.Problem(name) is null)
            {
                return name;
            }
        }

        return "player" + Number(random);
    }

    private static string Shape(Random random) => random.Next(6) switch
    {
        0 => Casing(Pick(RobotNameParts.FirstNames, random), random),
        1 => Casing(Pick(RobotNameParts.FirstNames, random), random) + Number(random),
        2 => Casing(Pick(RobotNameParts.Adjectives, random), random) + Casing(Pick(RobotNameParts.Nouns, random), random),
        3 => Pick(RobotNameParts.Adjectives, random) + Pick(RobotNameParts.Nouns, random) + Number(random),
        4 => Pick(RobotNameParts.FirstNames, random) + Pick(RobotNameParts.Nouns, random),
        _ => Casing(Pick(RobotNameParts.Nouns, random), random) + Pick(RobotNameParts.FirstNames, random),
    };

    private static string Pick(IReadOnlyList<string> words, Random random) => words[random.Next(words.Count)];

    /// <summary>Half the people capitalise their handle, half do not.</summary>
    private static string Casing(string word, Random random) =>
        random.Next(2) == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    /// <summary>Birth years, lucky numbers and the digits added when a name was taken.</summary>
    private static string Number(Random random) => random.Next(4) switch
    {
        0 => random.Next(80, 100).ToString(CultureInfo.InvariantCulture),
        1 => random.Next(0, 10).ToString("00", CultureInfo.InvariantCulture),
        2 => random.Next(1, 10).ToString(CultureInfo.InvariantCulture),
        _ => random.Next(100, 1000).ToString(CultureInfo.InvariantCulture),
    };
}
