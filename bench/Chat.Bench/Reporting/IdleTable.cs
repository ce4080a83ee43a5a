using System.Globalization;
using Chat.Bench.Load;

namespace Chat.Bench.Reporting;

internal static class IdleTable
{
    private const double Megabyte = 1024.0 * 1024;

    // The performance issue's targets for an idle connection.
    private const double RatioTarget = 1.2;
    private const double ConnectionsPerGigabyteTarget = 30_000;

    private static readonly string[] Headings =
        ["target", "mode", "connections", "resident before MB", "resident after MB", "KB/connection", "anon KB/connection", "connections/GB", "live heap KB/connection"];

    /// <param name="processes">Which processes were measured: fresh ones, or those the loads ran on.</param>
    public static void Print(IReadOnlyList<IdleResult> results, string processes, TextWriter output)
    {
        if (results.Count == 0)
        {
            return;
        }
        output.WriteLine(Invariant($"Idle, {processes}: server memory resident before and after opening the connections (each read after settling);"));
        output.WriteLine("KB/connection: the difference per connection; anon: of that, the process's private (anonymous) memory;");
        output.WriteLine("connections/GB: idle connections a gigabyte holds at that cost; live heap: what the server's heap holds alive for each");
        output.WriteLine("connection, read after a full collection (the resident figure adds the free space the collector keeps, which earlier loads leave).");
        TextColumns.Write(output, Headings, results.Select(Cells), leftAligned: 2);
        var relay = results.FirstOrDefault(r => r.Target == "relay");
        var chat = results.FirstOrDefault(r => r.Target == "chat");
        if (relay is { ResidentBytesPerConnection: > 0 } && chat is not null)
        {
            var ratio = chat.ResidentBytesPerConnection / relay.ResidentBytesPerConnection;
            var met = ratio <= RatioTarget && chat.ConnectionsPerGigabyte >= ConnectionsPerGigabyteTarget;
            output.WriteLine(Invariant($"chat/relay memory per idle connection, {processes}: {ratio:0.00}, {chat.ConnectionsPerGigabyte:0} per GB  (target <= {RatioTarget:0.0} and >= {ConnectionsPerGigabyteTarget:0} per GB: {(met ? "met" : "NOT met")})"));
        }
        if (relay is { LiveHeapBytesPerConnection: > 0 } && chat is not null)
        {
            var ratio = chat.LiveHeapBytesPerConnection / relay.LiveHeapBytesPerConnection;
            output.WriteLine(Invariant($"chat/relay live heap per idle connection, {processes}: {ratio:0.00}  (the same target, on the heap alone: {(ratio <= RatioTarget ? "met" : "NOT met")})"));
        }
        output.WriteLine();
    }

    private static string[] Cells(IdleResult r) =>
    [
        r.Target,
        "idle",
        Invariant($"{r.Connections}"),
        Invariant($"{r.Before.ResidentBytes / Megabyte:0}"),
        Invariant($"{r.After.ResidentBytes / Megabyte:0}"),
        Invariant($"{r.ResidentBytesPerConnection / 1024:0.0}"),
        Invariant($"{r.AnonymousBytesPerConnection / 1024:0.0}"),
        Invariant($"{r.ConnectionsPerGigabyte:0}"),
        Invariant($"{r.LiveHeapBytesPerConnection / 1024:0.0}"),
    ];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
