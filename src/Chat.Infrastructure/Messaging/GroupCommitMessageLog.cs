using System.Threading.Channels;
using Chat.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chat.Infrastructure.Messaging;

/// <summary>
/// Stores players' messages by group commit (ADR-004): messages that arrive while a
/// transaction is being written wait for the next one, which takes them all. One
/// membership query and one commit then serve a whole batch, and each sender is
/// answered only after its message is durable.
/// </summary>
internal sealed partial class GroupCommitMessageLog(IServiceScopeFactory scopes, ILogger<GroupCommitMessageLog> logger)
    : BackgroundService, IMessageLog
{
    /// <summary>Large enough to amortise a commit, small enough to keep one transaction short.</summary>
    public const int MaxBatch = 256;

    private readonly Channel<PendingMessage> _queue = Channel.CreateUnbounded<PendingMessage>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = false });

    public ValueTask<PostedMessage> Append(MessageDraft draft, CancellationToken cancellationToken)
    {
        var pending = new PendingMessage(draft);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The service is shutting down; the message was not stored.");
        }

        // Once queued the message is written even if the caller stops waiting: the
        // sender may have been told nothing, but nothing half-done is left behind.
        return new ValueTask<PostedMessage>(pending.Stored.Task.WaitAsync(cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingMessage>(MaxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            await WriteBatch(batch);
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Refuse new messages, then let the loop drain what was already accepted.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteBatch(List<PendingMessage> batch)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var writer = scope.ServiceProvider.GetRequiredService<MessageBatchWriter>();
            await writer.Write(batch, CancellationToken.None);
        }
        catch (Exception ex)
        {
            BatchFailed(batch.Count, ex);
            foreach (var pending in batch)
            {
                pending.Stored.TrySetException(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storing a batch of {Count} messages failed; none of them was stored")]
    private partial void BatchFailed(int count, Exception error);
}

/// <summary>A message waiting for the next group commit.</summary>
internal sealed class PendingMessage(MessageDraft draft)
{
    public MessageDraft Draft { get; } = draft;

    public TaskCompletionSource<PostedMessage> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
