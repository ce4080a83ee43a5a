using System.Diagnostics;
using Chat.Application.Common.Exceptions;
using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Telemetry;
using Chat.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chat.Infrastructure.Messaging;

/// <summary>
/// Stores players' messages by group commit (ADR-004): messages that arrive while a
/// transaction is being written wait for the next one, which takes them all. One
/// transaction and one commit (one disk flush) then serve a whole batch, and each
/// sender is answered only after its message is durable.
/// </summary>
/// <remarks>
/// The writer is the one serial step of the send path, so it runs on a thread of
/// its own with synchronous database calls: it never waits in the thread pool's
/// queue behind the socket work it is holding up. The senders of a batch are
/// answered after it commits, on the thread pool, one batch after the other and in
/// each batch in the order the messages came: each sender's continuation (the
/// broadcast, the acknowledgement) runs until it has to wait before the next
/// sender's starts. So a room hears its messages in the order they were stored,
/// even those of one sender who did not wait for each acknowledgement, while the
/// writer is already storing the next batch.
/// </remarks>
internal sealed partial class GroupCommitMessageLog(IServiceScopeFactory scopes, DatabaseWrites writes, ILogger<GroupCommitMessageLog> logger)
    : BackgroundService, IMessageLog
{
    /// <summary>Large enough to amortise a commit, small enough to keep one transaction short.</summary>
    public const int MaxBatch = 1024;

    /// <summary>The answering of the last batch written; the next batch is answered after it.</summary>
    private Task _answers = Task.CompletedTask;

    /// <summary>
    /// Not a channel: the writer waits on a thread of its own, and a sender's message
    /// wakes it directly. A channel would wake it through a thread-pool item that
    /// completes the wait's task, one more hand-off before every batch.
    /// </summary>
    private readonly PendingQueue _queue = new();

    private volatile bool _disposed;

    public ValueTask<MessageOutcome> Append(MessageDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingMessage(draft);
        if (!_queue.TryAdd(pending))
        {
            // Adding was completed: the writer is draining for shutdown.
            throw new InvalidOperationException(PendingQueue.ShuttingDown);
        }

        // Once queued, the caller waits for the outcome even if its own request is
        // cancelled (the sender hung up): a message that gets stored must still be
        // broadcast to the room, and only the caller's continuation can do that.
        return new ValueTask<MessageOutcome>(pending.Outcome.Task);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(WriteUntilCompleted, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host may stop a service again after disposing it (the test host's stop races
        // the stop of the app it runs); the first stop drained the writer already.
        if (_disposed)
        {
            return;
        }

        // Refuse new messages, then let the writer drain what was already accepted.
        _queue.CompleteAdding();
        await base.StopAsync(cancellationToken);
        await Volatile.Read(ref _answers).WaitAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _disposed = true;
        base.Dispose();
    }

    private void WriteUntilCompleted()
    {
        var batch = new List<PendingMessage>(MaxBatch);
        MessageBatchWriter? writer = null;
        try
        {
            // Blocking is the point here: this thread has nothing else to do.
            while (_queue.TakeBatch(batch, MaxBatch))
            {
                writer = WriteBatch(writer, batch);
                Answer(batch.ToArray());
                batch.Clear();
            }
        }
        finally
        {
            writer?.Dispose();
        }
    }

    /// <summary>
    /// Writes one batch, opening the writer's connection when there is none. After a
    /// failure the writer is dropped, so the next batch starts on a fresh connection.
    /// </summary>
    private MessageBatchWriter? WriteBatch(MessageBatchWriter? writer, List<PendingMessage> batch)
    {
        using var activity = ChatTelemetry.Source.HasListeners() ? StartCommitActivity(batch) : null;
        var started = Stopwatch.GetTimestamp();
        try
        {
            writer ??= MessageBatchWriter.Open(scopes);
            writer.Write(batch);
            writes.Committed();
            return writer;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);

            // A database that cannot be used now is told to each sender as such; they may
            // send again, and the next batch opens a fresh connection.
            var unavailable = UnavailableDatabase.Is(ex);
            if (unavailable)
            {
                writes.Refused();
                BatchUnavailable(batch.Count, ex.InnerException?.Message ?? ex.Message);
            }
            else
            {
                BatchFailed(batch.Count, ex);
            }

            var failure = unavailable ? new ServiceUnavailableException(ServiceUnavailableException.CannotStoreMessages, ex) : ex;
            foreach (var pending in batch)
            {
                pending.Fail(failure);
            }

            ChatTelemetry.MessagesRefused.Add(batch.Count, unavailable ? ChatTelemetry.RefusalReasons.Unavailable : ChatTelemetry.RefusalReasons.Failed);
            DisposeQuietly(writer);
            return null;
        }
        finally
        {
            ChatTelemetry.BatchSize.Record(batch.Count);
            ChatTelemetry.CommitTime.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private void Answer(PendingMessage[] batch) =>
        Volatile.Write(ref _answers, _answers.ContinueWith(
            static (_, state) =>
            {
                foreach (var pending in (PendingMessage[])state!)
                {
                    pending.Answer();
                }
            },
            batch,
            CancellationToken.None,
            TaskContinuationOptions.DenyChildAttach,
            TaskScheduler.Default));

    /// <summary>One activity per batch, linked to the activity of every message in it (each its own trace).</summary>
    private static Activity? StartCommitActivity(List<PendingMessage> batch)
    {
        var links = new List<ActivityLink>(batch.Count);
        foreach (var pending in batch)
        {
            if (pending.Parent != default)
            {
                links.Add(new ActivityLink(pending.Parent));
            }
        }

        var activity = ChatTelemetry.Source.StartActivity(ChatTelemetry.Activities.CommitBatch, ActivityKind.Internal, parentContext: default, links: links);
        activity?.SetTag("chat.batch.size", batch.Count);
        return activity;
    }

    /// <summary>A writer whose connection broke may fail to close it too; that must not stop the loop.</summary>
    private void DisposeQuietly(MessageBatchWriter? writer)
    {
        try
        {
            writer?.Dispose();
        }
#pragma warning disable CA1031 // The writer thread must survive anything a broken connection throws.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            CloseFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a batch of {Count} messages failed; none of them was stored")]
    private partial void BatchFailed(int count, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing a batch of {Count} messages failed, the database is unavailable ({Reason}); none of them was stored")]
    private partial void BatchUnavailable(int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing the message writer's connection after a failed batch failed too")]
    private partial void CloseFailed(Exception error);
}

/// <summary>A message waiting for the next group commit.</summary>
internal sealed class PendingMessage(MessageDraft draft)
{
    public MessageDraft Draft { get; } = draft;

    /// <summary>The sender's activity (the hub call), for the batch's trace to link to.</summary>
    public ActivityContext Parent { get; } = Activity.Current?.Context ?? default;

    private MessageOutcome? _outcome;
    private Exception? _failure;

    /// <summary>
    /// Completes when the sender is answered. Its continuations run inline (no
    /// RunContinuationsAsynchronously): <see cref="GroupCommitMessageLog"/> answers
    /// senders one by one on purpose, so each sender's broadcast is under way before
    /// the next one's starts.
    /// </summary>
    public TaskCompletionSource<MessageOutcome> Outcome { get; } = new();

    /// <summary>The writer's decision, told to the sender by <see cref="Answer"/> once the batch is done.</summary>
    public void Decide(MessageOutcome outcome) => _outcome = outcome;

    public void Fail(Exception failure) => _failure = failure;

    public void Answer()
    {
        if (_outcome is { } outcome)
        {
            Outcome.TrySetResult(outcome);
        }
        else
        {
            Outcome.TrySetException(_failure ?? new InvalidOperationException("The message writer stopped before deciding on this message."));
        }
    }
}
