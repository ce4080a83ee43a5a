using System.Text;
using Microsoft.Extensions.AI;

namespace Chat.Infrastructure.Robots;

/// <summary>Reads a streamed reply to the end, or until it is too long to be a chat line.</summary>
internal static class ReplyStream
{
    /// <summary>
    /// Waits on each update with <paramref name="cancellationToken"/> itself, so a
    /// provider that ignores cancellation cannot hold the robot's turn past its deadline.
    /// </summary>
    public static async Task<string> ReadAsync(IAsyncEnumerable<ChatResponseUpdate> updates, int limit, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var enumerator = updates.GetAsyncEnumerator(cancellationToken);
        var next = Task.FromResult(false);
        try
        {
            while (text.Length <= limit)
            {
                next = enumerator.MoveNextAsync().AsTask();
                if (!await next.WaitAsync(cancellationToken))
                {
                    break;
                }

                text.Append(enumerator.Current.Text);
            }

            return text.ToString();
        }
        finally
        {
            if (next.IsCompleted)
            {
                await enumerator.DisposeAsync();
            }
            else
            {
                // An enumerator cannot be disposed mid-step; let go of it once the stuck provider does.
                _ = next.ContinueWith(
                    async step =>
                    {
                        _ = step.Exception;
                        await enumerator.DisposeAsync();
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.None,
                    TaskScheduler.Default);
            }
        }
    }
}
