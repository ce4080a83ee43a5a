using Chat.Bench.Clients;
using Chat.Bench.Load;

namespace Chat.Bench.Targets;

internal static class ClientPool
{
    // Enough to make setup quick without turning it into a load test of its own.
    private const int RoomsSetUpAtOnce = 8;

    // Setting up a chat client takes several requests; the idle mode sets up thousands.
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan SetupTimePerClient = TimeSpan.FromMilliseconds(100);

    /// <summary>Seats and connects the clients room by room; within a room the host goes first, as joining needs the room.</summary>
    public static async Task<IReadOnlyList<BenchClient>> ConnectAsync(IBenchTarget target, int clients, int roomSize, MeasurementSlot slot, string prefix = "")
    {
        using var timeout = new CancellationTokenSource(SetupTimeout + clients * SetupTimePerClient);
        var connected = new BenchClient?[clients];
        await Parallel.ForEachAsync(
            ClientSeat.Rooms(clients, roomSize, prefix),
            new ParallelOptions { MaxDegreeOfParallelism = RoomsSetUpAtOnce, CancellationToken = timeout.Token },
            async (room, cancellationToken) =>
            {
                foreach (var seat in room)
                {
                    var client = await target.CreateClientAsync(seat, slot, cancellationToken);
                    connected[seat.Index] = client;
                    await client.ConnectAndJoinAsync(cancellationToken);
                }
            });
        return connected.Select(c => c!).ToArray();
    }

    public static async Task DisconnectAsync(IEnumerable<BenchClient> clients) =>
        await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
}
