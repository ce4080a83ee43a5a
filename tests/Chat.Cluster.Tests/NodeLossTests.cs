using System.Diagnostics;
using System.Text.Json;
using Chat.Cluster.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Cluster.Tests;

/// <summary>A node dies: its clients carry on through nginx on the other one and lose nothing that was acknowledged.</summary>
public sealed class NodeLossTests(ChatCluster cluster)
{
    [Fact]
    public async Task NodeKilledMidConversation_ItsClientsReconnectThroughNginx_AndEndWithEveryAcknowledgedMessageOnce()
    {
        await cluster.Ready();
        var ct = TestContext.Current.CancellationToken;
        var room = Names.Room();
        await using var players = await cluster.SignUpThroughNginx(onA: 2, onB: 2);
        var victims = players.ServedBy(cluster.NodeA).Take(2).ToList();
        var survivors = players.ServedBy(cluster.NodeB).Take(2).ToList();
        var everyone = victims.Concat(survivors).ToList();
        await everyone[0].Host(room);
        foreach (var player in everyone.Skip(1))
        {
            await player.Join(room);
        }

        var clients = new List<RecoveringClient>();
        foreach (var player in everyone)
        {
            clients.Add(await RecoveringClient.Enter(player, room));
        }

        // Everyone talks, each waiting for their acknowledgement before the next message.
        var prefix = $"loss-{Guid.NewGuid():N}";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var talking = clients.Select((c, i) => c.Talk($"{prefix} {i}", stop.Token)).ToList();

        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        await cluster.NodeA.Kill();

        // Node A's clients notice, reconnect through nginx (to node B), rejoin and catch up.
        var clock = Stopwatch.StartNew();
        foreach (var victim in clients.Take(2))
        {
            await victim.Recovered.WaitAsync(TimeSpan.FromSeconds(20), ct);
        }

        var recoveredAfter = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        await stop.CancelAsync();
        await Task.WhenAll(talking);

        var acknowledged = clients.SelectMany(c => c.Acknowledged).ToList();
        Assert.True(clients.All(c => c.Acknowledged.Count > 3), "Somebody hardly got a word in.");

        // Stored once each, acknowledged or not.
        var stored = (await survivors[0].History(room, via: cluster.NodeB.BaseAddress))
            .Where(m => m.GetProperty("message").GetString()!.StartsWith(prefix, StringComparison.Ordinal))
            .ToList();
        var storedIds = stored.Select(m => m.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(storedIds.Count, storedIds.Distinct().Count());
        Assert.Equal(stored.Count, stored.Select(m => m.GetProperty("message").GetString()).Distinct().Count());
        Assert.Subset(storedIds.ToHashSet(), acknowledged.ToHashSet());

        // Every client ends with every acknowledged message exactly once.
        foreach (var client in clients)
        {
            await client.WaitUntilSeen(acknowledged, TimeSpan.FromSeconds(5));
            Assert.Empty(client.LiveDuplicates);
            var view = client.View.Where(id => storedIds.Contains(id)).ToList();
            Assert.Equal(view.Count, view.Distinct().Count());
            Assert.Subset(view.ToHashSet(), acknowledged.ToHashSet());
        }

        Assert.True(recoveredAfter < TimeSpan.FromSeconds(15), $"Recovery took {recoveredAfter}.");
    }

    /// <summary>
    /// What a careful client does (the web page does the same): reconnects by itself,
    /// rejoins with after_seq (the last seq it holds with none missing before it), and
    /// fetches the rest by REST when the join says more remains, keeping one entry per id.
    /// </summary>
    private sealed class RecoveringClient
    {
        private readonly Player _player;
        private readonly string _room;
        private readonly List<long> _view = [];
        private readonly HashSet<long> _seen = [];
        private readonly HashSet<long> _liveSeen = [];
        private readonly SortedSet<long> _seqs = [];
        private readonly List<long> _liveDuplicates = [];
        private readonly List<long> _acknowledged = [];
        private readonly TaskCompletionSource _recovered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Listener _listener = null!;

        private RecoveringClient(Player player, string room)
        {
            _player = player;
            _room = room;
        }

        public Task Recovered => _recovered.Task;

        public IReadOnlyList<long> Acknowledged
        {
            get
            {
                lock (_view)
                {
                    return [.. _acknowledged];
                }
            }
        }

        public IReadOnlyList<long> View
        {
            get
            {
                lock (_view)
                {
                    return [.. _view];
                }
            }
        }

        public IReadOnlyList<long> LiveDuplicates
        {
            get
            {
                lock (_view)
                {
                    return [.. _liveDuplicates];
                }
            }
        }

        public static async Task<RecoveringClient> Enter(Player player, string room)
        {
            var client = new RecoveringClient(player, room);
            client._listener = await player.Connect(reconnect: true);
            client._listener.Hub.On<JsonElement>("message", client.Live);
            client._listener.Hub.Reconnected += _ => client.Rejoin();
            foreach (var message in (await client._listener.Join(room)).GetProperty("messages").EnumerateArray())
            {
                client.Hold(message);
            }

            return client;
        }

        /// <summary>Sends until told to stop; a message that is not acknowledged (connection down) is not counted.</summary>
        public async Task Talk(string prefix, CancellationToken stop)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                if (_listener.Hub.State == HubConnectionState.Connected)
                {
                    try
                    {
                        var ack = await _listener.Say(_room, $"{prefix} says {i}");
                        lock (_view)
                        {
                            _acknowledged.Add(ack.GetProperty("id").GetInt64());
                        }
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // Lost with the node: never acknowledged, so the client promised nothing.
                    }
                }

                try
                {
                    await Task.Delay(100, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        public async Task WaitUntilSeen(IEnumerable<long> ids, TimeSpan timeout)
        {
            var wanted = ids.ToHashSet();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < timeout)
            {
                lock (_view)
                {
                    if (wanted.IsSubsetOf(_seen))
                    {
                        return;
                    }
                }

                await Task.Delay(50);
            }

            lock (_view)
            {
                Assert.Fail($"{_player.Username} never saw {string.Join(", ", wanted.Except(_seen))}; it saw {string.Join(", ", _view)}.");
            }
        }

        /// <summary>A live event is never sent twice to one connection; history may overlap live events and is merged by id.</summary>
        private void Live(JsonElement message)
        {
            var id = message.GetProperty("id").GetInt64();
            lock (_view)
            {
                if (!_liveSeen.Add(id))
                {
                    _liveDuplicates.Add(id);
                }

                _seqs.Add(message.GetProperty("seq").GetInt64());

                if (_seen.Add(id))
                {
                    _view.Add(id);
                }
            }
        }

        private async Task Rejoin()
        {
            long after;
            lock (_view)
            {
                after = HeldWithoutGap();
            }

            var joined = await _listener.JoinAfter(_room, after);
            var missed = joined.GetProperty("messages").EnumerateArray().ToList();
            if (!joined.GetProperty("complete").GetBoolean())
            {
                missed.AddRange(await _player.HistoryBySeq(_room, missed[^1].GetProperty("seq").GetInt64()));
            }

            foreach (var message in missed)
            {
                Hold(message);
            }

            _recovered.TrySetResult();
        }

        private void Hold(JsonElement message)
        {
            var id = message.GetProperty("id").GetInt64();
            lock (_view)
            {
                _seqs.Add(message.GetProperty("seq").GetInt64());
                if (_seen.Add(id))
                {
                    _view.Add(id);
                }
            }
        }

        /// <summary>The last seq held with every seq before it (from the first held) held too.</summary>
        private long HeldWithoutGap()
        {
            if (_seqs.Count == 0)
            {
                return 0;
            }

            var last = _seqs.Min;
            foreach (var seq in _seqs)
            {
                if (seq > last + 1)
                {
                    break;
                }

                last = seq;
            }

            return last;
        }
    }
}
