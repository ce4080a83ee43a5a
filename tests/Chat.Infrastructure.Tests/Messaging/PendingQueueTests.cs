using System.Collections.Concurrent;
using Chat.Application.Common.Interfaces;
using Chat.Domain.Sessions;
using Chat.Infrastructure.Messaging;

namespace Chat.Infrastructure.Tests.Messaging;

public sealed class PendingQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PendingMessage Pending(int n) =>
        new(new MessageDraft(1, "alice", RoomName.Of("lounge"), $"line {n}", DateTimeOffset.UnixEpoch));

    /// <summary>As the writer does: on a thread of its own, since taking may sleep.</summary>
    private static Task<bool> TakeOnAThreadOfItsOwn(PendingQueue queue, List<PendingMessage> batch) =>
        Task.Factory.StartNew(() => queue.TakeBatch(batch, 10), Ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>The writer's loop: every batch handed to <paramref name="write"/> until the queue closes.</summary>
    private static Task WriteUntilClosed(PendingQueue queue, int max, Action<List<PendingMessage>> write) =>
        Task.Factory.StartNew(
            () =>
            {
                var batch = new List<PendingMessage>();
                while (queue.TakeBatch(batch, max))
                {
                    write(batch);
                    batch.Clear();
                }
            },
            Ct,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    [Fact]
    public void TakeBatch_TakesWhatWasQueued_InOrder_UpToTheBatchLimit()
    {
        var queue = new PendingQueue();
        var added = Enumerable.Range(0, 5).Select(Pending).ToList();
        foreach (var pending in added)
        {
            Assert.True(queue.TryAdd(pending));
        }

        var batch = new List<PendingMessage>();
        Assert.True(queue.TakeBatch(batch, 3));
        Assert.Equal(added.Take(3), batch);

        batch.Clear();
        Assert.True(queue.TakeBatch(batch, 3));
        Assert.Equal(added.Skip(3), batch);
    }

    [Fact]
    public async Task TakeBatch_OnAnEmptyQueue_WaitsUntilAMessageIsAdded()
    {
        var queue = new PendingQueue();
        var batch = new List<PendingMessage>();
        var taking = TakeOnAThreadOfItsOwn(queue, batch);

        await Task.Delay(100, Ct);
        Assert.False(taking.IsCompleted);

        var pending = Pending(1);
        Assert.True(queue.TryAdd(pending));

        Assert.True(await taking.WaitAsync(Patience, Ct));
        Assert.Same(pending, Assert.Single(batch));
    }

    [Fact]
    public async Task AWriterThatSleeps_IsWokenByEveryMessage_ThatArrivesAlone()
    {
        var queue = new PendingQueue();
        using var taken = new SemaphoreSlim(0);
        var writer = WriteUntilClosed(queue, 10, batch => taken.Release(batch.Count));

        // One message at a time, each after the writer has gone back to the queue: a
        // wake-up lost between its last look and its sleep leaves a message waiting.
        for (var i = 0; i < 5_000; i++)
        {
            Assert.True(queue.TryAdd(Pending(i)));
            Assert.True(await taken.WaitAsync(Patience, Ct), $"message {i} was not taken");
        }

        queue.CompleteAdding();
        await writer.WaitAsync(Patience, Ct);
    }

    [Fact]
    public void CompletingAdding_RefusesNewMessages_AndTheWriterStillTakesWhatWasQueued()
    {
        var queue = new PendingQueue();
        var queued = Pending(1);
        Assert.True(queue.TryAdd(queued));

        queue.CompleteAdding();

        Assert.False(queue.TryAdd(Pending(2)));
        var batch = new List<PendingMessage>();
        Assert.True(queue.TakeBatch(batch, 10));
        Assert.Same(queued, Assert.Single(batch));
        batch.Clear();
        Assert.False(queue.TakeBatch(batch, 10));
        Assert.False(queued.Outcome.Task.IsCompleted);
    }

    [Fact]
    public async Task CompletingAdding_WakesAWriterThatSleeps_AndItStops()
    {
        var queue = new PendingQueue();
        var batch = new List<PendingMessage>();
        var taking = TakeOnAThreadOfItsOwn(queue, batch);
        await Task.Delay(100, Ct);

        queue.CompleteAdding();

        Assert.False(await taking.WaitAsync(Patience, Ct));
        Assert.Empty(batch);
    }

    [Fact]
    public async Task EveryMessageAccepted_IsTakenByTheWriter_OrAnsweredAsRefused_WhenSendersRaceTheShutdown()
    {
        for (var round = 0; round < 20; round++)
        {
            var queue = new PendingQueue();
            var taken = new ConcurrentBag<PendingMessage>();
            var accepted = new ConcurrentBag<PendingMessage>();
            var writer = WriteUntilClosed(queue, 7, batch => batch.ForEach(taken.Add));

            using var go = new ManualResetEventSlim();
            var senders = Enumerable.Range(0, 4).Select(s => Task.Run(
                () =>
                {
                    go.Wait(Ct);
                    for (var i = 0; i < 2_000; i++)
                    {
                        var pending = Pending(i);
                        if (queue.TryAdd(pending))
                        {
                            accepted.Add(pending);
                        }
                    }
                },
                Ct)).ToList();

            go.Set();
            await Task.Delay(round % 3, Ct);
            queue.CompleteAdding();
            await Task.WhenAll(senders).WaitAsync(Patience, Ct);
            await writer.WaitAsync(Patience, Ct);

            var takenOnce = taken.ToHashSet();
            Assert.Equal(taken.Count, takenOnce.Count);
            foreach (var pending in accepted)
            {
                if (takenOnce.Contains(pending))
                {
                    Assert.False(pending.Outcome.Task.IsCompleted);
                }
                else
                {
                    var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => pending.Outcome.Task.WaitAsync(Patience, Ct));
                    Assert.Equal(PendingQueue.ShuttingDown, refused.Message);
                }
            }
        }
    }
}
