using Chat.Bench.Clients;

namespace Chat.Bench.Load;

/// <summary>Everything a load mode drives: the seated clients, where they report, and the server's processor clock.</summary>
internal sealed record LoadContext(IReadOnlyList<BenchClient> Clients, MeasurementSlot Slot, Func<ServerTimes> ServerCpu)
{
    /// <summary>Starts a measured window and points every receiver at it.</summary>
    public Measurement Begin(TimeSpan window)
    {
        var measurement = Measurement.StartingNow(window, ServerCpu);
        Slot.Current = measurement;
        return measurement;
    }

    /// <summary>Keeps listening a little so late deliveries of messages sent in the window are still timed.</summary>
    public async Task EndAsync()
    {
        await Task.Delay(LoadTiming.DeliveryGrace);
        Slot.Current = null;
    }
}
