using System.Diagnostics;
using System.Globalization;

namespace Chat.Bench.Clients;

/// <summary>
/// Carries the send instant inside the message text, so receivers measure
/// send-to-receive latency without any server help. Sender and receivers share
/// this process, hence one monotonic clock.
/// </summary>
internal static class MessageStamp
{
    private const string Prefix = "bench ";

    // Gives the text the size of a short chat line rather than a bare number.
    private const string Filler = " the quick brown fox jumps over the lazy dog";

    public static string Text(long sentAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{sentAt}{Filler}");

    public static bool TryRead(string? text, out long sentAt)
    {
        sentAt = 0;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = text.AsSpan(Prefix.Length);
        var end = rest.IndexOf(' ');
        return long.TryParse(end < 0 ? rest : rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out sentAt);
    }

    public static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
