using System.Collections.Concurrent;

namespace Chat.Infrastructure.Messaging;

/// <summary>
/// The messages waiting for the writer: many senders add, one thread (the writer) takes
/// them a batch at a time. Adding takes no lock and wakes the writer only when it sleeps;
/// the writer sleeps without spinning. (A <c>BlockingCollection</c> locked its semaphore
/// on every add and every take, and the writer and the senders spun and yielded the
/// processor on that lock: per message, more switches than the relay's whole send.)
/// </summary>
internal sealed class PendingQueue
{
    /// <summary>What a sender is told when its message came too late for the writer.</summary>
    public const string ShuttingDown = "The service is shutting down; the message was not stored.";

    private readonly ConcurrentQueue<PendingMessage> _items = new();

    /// <summary>A monitor, not a <see cref="Lock"/>: the writer waits on it.</summary>
    private readonly object _gate = new();

    /// <summary>1 once adding is completed: what is queued by then is still taken.</summary>
    private int _completed;

    /// <summary>1 once the writer took its last batch: nothing added after it is stored.</summary>
    private int _closed;

    /// <summary>1 while the writer is asleep or about to be: the next add wakes it.</summary>
    private int _sleeping;

    /// <summary>
    /// Queues the message for the writer; false, and nothing queued, once adding is
    /// completed. A message that slips in as the writer takes its last batch is refused
    /// through its own outcome (<see cref="ShuttingDown"/>), never left unanswered.
    /// </summary>
    public bool TryAdd(PendingMessage pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        if (Volatile.Read(ref _completed) == 1)
        {
            return false;
        }

        // Enqueue reserves its slot with an interlocked compare-exchange, a full fence: the
        // reads below cannot pass it, and a writer that looks after them finds the slot taken.
        _items.Enqueue(pending);
        if (Volatile.Read(ref _closed) == 1)
        {
            RefuseLeftovers();
        }
        else if (Volatile.Read(ref _sleeping) == 1)
        {
            Wake();
        }

        return true;
    }

    /// <summary>Refuses new messages; the writer takes what is queued, then stops.</summary>
    public void CompleteAdding()
    {
        Interlocked.Exchange(ref _completed, 1);
        Wake();
    }

    /// <summary>
    /// Moves up to <paramref name="max"/> queued messages into <paramref name="batch"/>,
    /// sleeping while there are none. False once adding is completed and everything
    /// queued before has been taken: the queue is then closed.
    /// </summary>
    public bool TakeBatch(List<PendingMessage> batch, int max)
    {
        ArgumentNullException.ThrowIfNull(batch);
        while (true)
        {
            while (batch.Count < max && _items.TryDequeue(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count > 0)
            {
                return true;
            }

            if (Volatile.Read(ref _completed) == 1)
            {
                Interlocked.Exchange(ref _closed, 1);
                RefuseLeftovers();
                return false;
            }

            Sleep();
        }
    }

    private void Sleep()
    {
        // Say so first, then look once more: a sender that queued before seeing the flag
        // is found here, and one that queued after it sees the flag and wakes the writer.
        Interlocked.Exchange(ref _sleeping, 1);
        lock (_gate)
        {
            while (_items.IsEmpty && Volatile.Read(ref _completed) == 0)
            {
                Monitor.Wait(_gate);
            }

            Volatile.Write(ref _sleeping, 0);
        }
    }

    private void Wake()
    {
        lock (_gate)
        {
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Answers whatever is left after the writer's last batch; each is taken by one caller only.</summary>
    private void RefuseLeftovers()
    {
        while (_items.TryDequeue(out var pending))
        {
            pending.Fail(new InvalidOperationException(ShuttingDown));
            pending.Answer();
        }
    }
}
