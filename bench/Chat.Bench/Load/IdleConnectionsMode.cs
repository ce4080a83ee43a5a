using Chat.Bench.Hosting;
using Chat.Bench.Reporting;
using Chat.Bench.Targets;

namespace Chat.Bench.Load;

/// <summary>
/// What an open connection costs a server that is doing nothing: connections
/// that sign in, take a seat and join their room (as the clients of the other
/// modes do), then stay quiet. The server's resident memory is read before and
/// after, each time once the process has settled; and what its heap holds alive,
/// before the first settling and after the second reading, so that the full
/// collection this asks for changes neither resident reading.
/// </summary>
internal static class IdleConnectionsMode
{
    // Long enough for the connect burst's garbage to be collected and the allocator to hand back what it trims.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public static async Task<IdleResult> RunAsync(IBenchTarget target, int connections)
    {
        var liveBefore = await target.ServerLiveHeapBytesAsync();
        Progress.Say($"{target.Name}: idle, settling for {Settle.TotalSeconds:0}s");
        await Task.Delay(Settle);
        var before = target.ServerMemory;
        Progress.Say($"{target.Name}: idle, opening {connections} connections");
        var clients = await ClientPool.ConnectAsync(target, connections, BenchOptions.RoomSize, new MeasurementSlot(), prefix: "idle");
        try
        {
            await Task.Delay(Settle);
            var after = target.ServerMemory;
            return new IdleResult(target.Name, connections, before, after, liveBefore, await target.ServerLiveHeapBytesAsync());
        }
        finally
        {
            await ClientPool.DisconnectAsync(clients);
        }
    }
}

internal sealed record IdleResult(string Target, int Connections, ProcessMemory Before, ProcessMemory After, long LiveHeapBefore, long LiveHeapAfter)
{
    private const double Gigabyte = 1024.0 * 1024 * 1024;

    public double ResidentBytesPerConnection => (After.ResidentBytes - Before.ResidentBytes) / (double)Connections;

    public double AnonymousBytesPerConnection => (After.AnonymousBytes - Before.AnonymousBytes) / (double)Connections;

    /// <summary>What the heap holds alive for each connection: its objects, without the collector's free space.</summary>
    public double LiveHeapBytesPerConnection => (LiveHeapAfter - LiveHeapBefore) / (double)Connections;

    /// <summary>Idle connections one more gigabyte of memory holds, at the resident cost measured.</summary>
    public double ConnectionsPerGigabyte => ResidentBytesPerConnection > 0 ? Gigabyte / ResidentBytesPerConnection : double.NaN;
}
