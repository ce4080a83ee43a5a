namespace Chat.Browser.Tests.Infrastructure;

/// <summary>Names no other test uses, within the rules: usernames are letters and digits only.</summary>
internal static class Unique
{
    public static string User(string prefix) => prefix + Suffix();

    public static string Room(string prefix) => $"{prefix} {Suffix()}";

    private static string Suffix() => Guid.NewGuid().ToString("N")[..8];
}
