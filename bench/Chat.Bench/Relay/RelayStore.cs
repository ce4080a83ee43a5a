using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Chat.Bench.Relay;

/// <summary>
/// What the <c>relay-stored</c> target adds to the bare relay: each message committed to
/// SQLite before it is relayed or acknowledged, as the service promises, and nothing
/// else. The service's own mechanism in its smallest form: one writer thread takes
/// whatever has queued, stores it in one transaction (WAL, <c>synchronous=FULL</c>,
/// checkpoints every 10,000 pages, one insert per message prepared once on the native
/// handle and bound in place, a unique index on the room and its <c>seq</c>), then answers the senders in stored
/// order on the thread pool. It has no sessions, seats, users, limits or client ids,
/// and counts each room's <c>seq</c> in memory. So the service's processor time per
/// message less this target's is what the service's own code costs beyond keeping the
/// durability promise (bench/README.md).
/// </summary>
internal sealed class RelayStore : IDisposable
{
    private const int MaxBatch = 1024;

    private readonly ConcurrentQueue<PendingRelayMessage> _queue = new();
    private readonly object _gate = new();
    private readonly Dictionary<string, long> _lastSeq = new(StringComparer.Ordinal);
    private readonly SqliteConnection _connection;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _insert;
    private readonly Thread _writer;

    /// <summary>The answering of the last batch written; the next batch is answered after it.</summary>
    private Task _answers = Task.CompletedTask;

    private int _sleeping;
    private volatile bool _stopping;

    public RelayStore(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        using (var setup = _connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = FULL;
                PRAGMA wal_autocheckpoint = 10000;
                CREATE TABLE IF NOT EXISTS messages (
                    id INTEGER PRIMARY KEY,
                    room TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    sender TEXT NOT NULL,
                    body TEXT NOT NULL,
                    sent_at TEXT NOT NULL);
                CREATE UNIQUE INDEX IF NOT EXISTS messages_room_seq ON messages (room, seq);
                """;
            setup.ExecuteNonQuery();
        }

        _db = _connection.Handle!;
        Check(raw.sqlite3_prepare_v3(_db, "INSERT INTO messages (room, seq, sender, body, sent_at) VALUES (?1, ?2, ?3, ?4, ?5)", raw.SQLITE_PREPARE_PERSISTENT, out _insert, out _));

        _writer = new Thread(WriteUntilStopped) { IsBackground = true, Name = "relay store writer" };
        _writer.Start();
    }

    /// <summary>Completes once the message is committed; its continuation runs on the thread pool, in stored order.</summary>
    public Task<StoredRelayMessage> Append(RelayMessage message)
    {
        var pending = new PendingRelayMessage(message);
        _queue.Enqueue(pending);
        if (Volatile.Read(ref _sleeping) == 1)
        {
            lock (_gate)
            {
                Monitor.Pulse(_gate);
            }
        }
        return pending.Outcome.Task;
    }

    public void Dispose()
    {
        _stopping = true;
        lock (_gate)
        {
            Monitor.Pulse(_gate);
        }
        _writer.Join();
        _insert.Dispose();
        _connection.Dispose();
    }

    private void WriteUntilStopped()
    {
        var batch = new List<PendingRelayMessage>(MaxBatch);
        while (TakeBatch(batch))
        {
            Write(batch);
            var answered = batch.ToArray();
            _answers = _answers.ContinueWith(
                static (_, state) =>
                {
                    foreach (var pending in (PendingRelayMessage[])state!)
                    {
                        pending.Answer();
                    }
                },
                answered,
                CancellationToken.None,
                TaskContinuationOptions.DenyChildAttach,
                TaskScheduler.Default);
            batch.Clear();
        }
    }

    /// <summary>Sleeps while nothing is queued; false once stopping with nothing left.</summary>
    private bool TakeBatch(List<PendingRelayMessage> batch)
    {
        while (true)
        {
            while (batch.Count < MaxBatch && _queue.TryDequeue(out var pending))
            {
                batch.Add(pending);
            }
            if (batch.Count > 0)
            {
                return true;
            }
            if (_stopping)
            {
                return false;
            }
            lock (_gate)
            {
                // A full fence before looking again: a sender that enqueued before it is seen
                // here, and one that enqueues after it sees the flag and pulses.
                Interlocked.Exchange(ref _sleeping, 1);
                if (_queue.IsEmpty && !_stopping)
                {
                    Monitor.Wait(_gate);
                }
                Volatile.Write(ref _sleeping, 0);
            }
        }
    }

    private void Write(List<PendingRelayMessage> batch)
    {
        try
        {
            Check(raw.sqlite3_exec(_db, "BEGIN"));
            foreach (var pending in batch)
            {
                var message = pending.Message;
                var seq = _lastSeq.GetValueOrDefault(message.Room) + 1;
                var sentAt = DateTime.UtcNow;
                Check(raw.sqlite3_bind_text(_insert, 1, message.Room));
                Check(raw.sqlite3_bind_int64(_insert, 2, seq));
                Check(raw.sqlite3_bind_text(_insert, 3, message.From));
                Check(raw.sqlite3_bind_text(_insert, 4, message.Message));
                Check(raw.sqlite3_bind_text(_insert, 5, sentAt.ToString("O", CultureInfo.InvariantCulture)));
                var stepped = raw.sqlite3_step(_insert);
                raw.sqlite3_reset(_insert);
                if (stepped != raw.SQLITE_DONE)
                {
                    Check(stepped);
                }
                _lastSeq[message.Room] = seq;
                pending.Stored = new StoredRelayMessage(raw.sqlite3_last_insert_rowid(_db), seq, message.From, message.Room, message.Message, sentAt);
            }
            Check(raw.sqlite3_exec(_db, "COMMIT"));
        }
        catch (SqliteException ex)
        {
            // Nothing of the batch was committed: its seqs are handed out again.
            raw.sqlite3_exec(_db, "ROLLBACK");
            foreach (var pending in batch)
            {
                pending.Stored = null;
                pending.Failure = ex;
            }
            _lastSeq.Clear();
            using var last = _connection.CreateCommand();
            last.CommandText = "SELECT room, max(seq) FROM messages GROUP BY room";
            using var reader = last.ExecuteReader();
            while (reader.Read())
            {
                _lastSeq[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    private sealed class PendingRelayMessage(RelayMessage message)
    {
        public RelayMessage Message { get; } = message;

        public StoredRelayMessage? Stored { get; set; }

        public Exception? Failure { get; set; }

        /// <summary>Continuations inline, as the service's: each sender's broadcast is under way before the next one's starts.</summary>
        public TaskCompletionSource<StoredRelayMessage> Outcome { get; } = new();

        public void Answer()
        {
            if (Stored is { } stored)
            {
                Outcome.TrySetResult(stored);
            }
            else
            {
                Outcome.TrySetException(Failure ?? new InvalidOperationException("not stored"));
            }
        }
    }
}

/// <summary>The stored message, relayed and returned: the members a client of the service reads.</summary>
internal sealed record StoredRelayMessage(long Id, long Seq, string From, string Room, string Message, DateTime Timestamp);
