using Chat.Bench.Clients;
using Chat.Bench.Load;

namespace Chat.Bench.Targets;

/// <summary>A server under load: started once, then asked for clients seated in rooms.</summary>
internal interface IBenchTarget : IAsyncDisposable
{
    string Name { get; }

    Task StartAsync();

    /// <summary>Processor time the server process has used so far.</summary>
    TimeSpan ServerProcessorTime { get; }

    /// <summary>The most memory the server process has had resident so far.</summary>
    long ServerPeakWorkingSetBytes { get; }

    /// <summary>Prepares whatever the seat needs server-side (account, room) and returns a client not yet connected.</summary>
    Task<BenchClient> CreateClientAsync(ClientSeat seat, MeasurementSlot slot, CancellationToken cancellationToken);
}

/// <summary>Where one client sits: the first client of each room hosts it, the others join.</summary>
internal sealed record ClientSeat(int Index, string Username, string Room, bool Hosts)
{
    public static IEnumerable<ClientSeat[]> Rooms(int clients, int roomSize) =>
        Enumerable.Range(0, clients)
            .Select(i => new ClientSeat(i, $"b{i}", $"r{i / roomSize}", i % roomSize == 0))
            .Chunk(roomSize);
}
