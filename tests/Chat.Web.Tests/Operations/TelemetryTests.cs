using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Chat.Application.Common.Telemetry;
using Chat.Web.Tests.Support;

namespace Chat.Web.Tests.Operations;

/// <summary>
/// The <c>Chat</c> meter and activity source, read as an exporter reads them: a stored
/// message moves the stored counter and the batch histograms, a refused one the refused
/// counter with its reason, and one trace follows a message from the hub call through
/// the commit to the broadcast. On their own (the instruments are process-wide), so no
/// other test's messages are counted.
/// </summary>
[Collection(HeavyLoadCollection.Name)]
public sealed class TelemetryTests(ChatApp app) : IClassFixture<ChatApp>
{
    [Fact]
    public async Task StoredAndRefusedMessages_MoveTheirCounters_AndTheBatchHistogramsRecord()
    {
        var (room, _, alices, _, _) = await TwoPlayers();
        var stranger = await app.SignUp();
        var strangers = await stranger.Connect();
        using var meter = new MeterReading();

        await alices.Say(room, "counted");
        await alices.Say(room, "counted too");
        await strangers.InvokeRefused("message", new { from = stranger.Username, room, message = "not seated" });

        Assert.Equal(2, meter.Sum("chat.messages.stored"));
        Assert.Equal(1, meter.Sum("chat.messages.refused", ("reason", "not_a_player")));
        Assert.True(meter.Count("chat.messages.batch_size") >= 3, "every batch records its size");
        Assert.True(meter.Count("chat.messages.commit_time") >= 3, "every batch records its commit time");
        Assert.True(meter.Sum("chat.broadcasts", ("event", "message")) >= 2, "each stored message is sent to its room");
    }

    [Fact]
    public async Task HubConnections_CountUpWhenOpened_AndDownWhenClosed()
    {
        var alice = await app.SignUp();
        using var meter = new MeterReading();

        var connection = await alice.Connect();
        await connection.DisposeAsync();

        await Eventually(() => meter.Sum("chat.hub.connections") == 0 && meter.Count("chat.hub.connections") == 2);
    }

    [Fact]
    public async Task OneMessage_IsTracedFromTheHubCallThroughItsCommitToTheBroadcast()
    {
        var (room, _, alices, _, _) = await TwoPlayers();
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ChatTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await alices.Say(room, "traced");

        await Eventually(() => activities.Any(a => a.OperationName == ChatTelemetry.Activities.Broadcast));
        var send = Assert.Single(activities, a => a.OperationName == ChatTelemetry.Activities.SendMessage);
        var commit = Assert.Single(activities, a => a.OperationName == ChatTelemetry.Activities.CommitBatch && a.Links.Any(l => l.Context.TraceId == send.TraceId));
        Assert.Contains(commit.Links, l => l.Context.SpanId == send.SpanId);
        var broadcast = Assert.Single(activities, a => a.OperationName == ChatTelemetry.Activities.Broadcast);
        Assert.Equal(send.SpanId, broadcast.ParentSpanId);
        Assert.Equal(send.TraceId, broadcast.TraceId);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "The condition did not hold within 10 s.");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private async Task<(string Room, ChatClient Alice, RoomConnection Alices, ChatClient Bob, RoomConnection Bobs)> TwoPlayers()
    {
        var (room, alice, bob) = await app.HostAndJoin();
        var alices = await alice.Enter(room);
        var bobs = await bob.Enter(room);
        await alices.NextMessageSaying($"{bob.Username} has joined the room.");
        return (room, alice, alices, bob, bobs);
    }

    /// <summary>Every measurement of the <c>Chat</c> meter from its creation until it is disposed.</summary>
    private sealed class MeterReading : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

        public MeterReading()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ChatTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((i, v, t, _) => _measurements.Enqueue((i.Name, v, t.ToArray())));
            _listener.SetMeasurementEventCallback<int>((i, v, t, _) => _measurements.Enqueue((i.Name, v, t.ToArray())));
            _listener.SetMeasurementEventCallback<double>((i, v, t, _) => _measurements.Enqueue((i.Name, v, t.ToArray())));
            _listener.Start();
        }

        public double Sum(string instrument, params (string Key, string Value)[] tags) =>
            Matching(instrument, tags).Sum(m => m.Value);

        public int Count(string instrument) => Matching(instrument, []).Count();

        public void Dispose() => _listener.Dispose();

        private IEnumerable<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> Matching(string instrument, (string Key, string Value)[] tags) =>
            _measurements.Where(m => m.Instrument == instrument
                && tags.All(t => m.Tags.Any(kv => kv.Key == t.Key && Equals(kv.Value, t.Value))));
    }
}
