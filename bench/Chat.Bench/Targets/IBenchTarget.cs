using Chat.Bench.Clients;
using Chat.Bench.Hosting;
using Chat.Bench.Load;

namespace Chat.Bench.Targets;

/// <summary>A server under load: started once, then asked for clients seated in rooms.</summary>
internal interface IBenchTarget : IAsyncDisposable
{
    string Name { get; }

    Task StartAsync();

    /// <summary>Processor time the server process has used so far (all its nodes, for a target of several).</summary>
    TimeSpan ServerProcessorTime { get; }

    /// <summary>The same, node by node, and the servers the nodes share.</summary>
    ServerTimes ProcessorTimes => ServerTimes.SingleProcess(ServerProcessorTime);

    /// <summary>The most memory the server process has had resident so far.</summary>
    long ServerPeakWorkingSetBytes { get; }

    /// <summary>The memory the server process has resident now.</summary>
    ProcessMemory ServerMemory { get; }

    /// <summary>What the server's heap holds alive (all its nodes), after a full collection it is asked for.</summary>
    Task<long> ServerLiveHeapBytesAsync();

    /// <summary>How long the server's JIT compiler works during the next <paramref name="window"/> (the busiest node's, for a target of several).</summary>
    Task<TimeSpan> ServerCompilingTimeAsync(TimeSpan window);

    /// <summary>Prepares whatever the seat needs server-side (account, room) and returns a client not yet connected.</summary>
    Task<BenchClient> CreateClientAsync(ClientSeat seat, MeasurementSlot slot, CancellationToken cancellationToken);
}

/// <summary>A target whose lobby the REST mode reads: the service, on one node or several.</summary>
internal interface ILobbyTarget : IBenchTarget
{
    /// <summary>Where each node answers HTTP; the REST mode calls them directly.</summary>
    IReadOnlyList<Uri> NodeUris { get; }

    /// <summary>Whether the REST mode reads it: a target that reads as another in the run does is left out.</summary>
    bool ReadsLobby => true;
}

/// <summary>Where one client sits: the first client of each room hosts it, the others join.</summary>
internal sealed record ClientSeat(int Index, string Username, string Room, bool Hosts)
{
    /// <param name="prefix">Sets these seats' names and rooms apart from other seats on the same server.</param>
    public static IEnumerable<ClientSeat[]> Rooms(int clients, int roomSize, string prefix = "") =>
        Enumerable.Range(0, clients)
            .Select(i => new ClientSeat(i, $"{prefix}b{i}", $"{prefix}r{i / roomSize}", i % roomSize == 0))
            .Chunk(roomSize);
}
