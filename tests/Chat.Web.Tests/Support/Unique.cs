using System.Globalization;

namespace Chat.Web.Tests.Support;

/// <summary>Fresh names, so tests sharing a server never collide.</summary>
public static class Unique
{
    private static int _next;

    /// <summary>Letters and digits only, as a username must be.</summary>
    public static string Name(string stem = "user") => stem + Next();

    public static string Room(string stem = "room") => $"{stem}-{Next()}";

    private static string Next() => Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
}
