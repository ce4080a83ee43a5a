using System.Diagnostics;
using System.Globalization;

namespace Chat.Bench.Clients;

/// <summary>
/// Carries the send instant inside the message text, so receivers measure
/// send-to-receive latency without any server help. Sender and receivers share
/// this process, hence one monotonic clock. Where the clients are spread over
/// several nodes, the text also names the sender's node (<c>bench 123 n1 ...</c>),
/// so that receivers can tell deliveries on its node from those on another.
/// </summary>
internal static class MessageStamp
{
    private const string Prefix = "bench ";

    // Gives the text the size of a short chat line rather than a bare number.
    private const string Filler = " the quick brown fox jumps over the lazy dog";

    private const string NodeMark = " n";

    public static string Text(long sentAt, int? node = null) =>
        node is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"{Prefix}{sentAt}{NodeMark}{n}{Filler}")
            : string.Create(CultureInfo.InvariantCulture, $"{Prefix}{sentAt}{Filler}");

    /// <param name="node">The sender's node, or null when the text names none.</param>
    public static bool TryRead(string? text, out long sentAt, out int? node)
    {
        sentAt = 0;
        node = null;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = text.AsSpan(Prefix.Length);
        var end = rest.IndexOf(' ');
        if (!long.TryParse(end < 0 ? rest : rest[..end], NumberStyles.None, CultureInfo.InvariantCulture, out sentAt))
        {
            return false;
        }
        if (end >= 0 && rest[end..].StartsWith(NodeMark, StringComparison.Ordinal))
        {
            var mark = rest[(end + NodeMark.Length)..];
            var markEnd = mark.IndexOf(' ');
            if (int.TryParse(markEnd < 0 ? mark : mark[..markEnd], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                node = n;
            }
        }
        return true;
    }

    public static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
