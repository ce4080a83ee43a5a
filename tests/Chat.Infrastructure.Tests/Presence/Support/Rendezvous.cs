using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chat.Infrastructure.Tests.Presence.Support;

/// <summary>
/// Holds each of several handlers just before its first write transaction begins
/// until all of them have got there. By then each has read the session and decided
/// to change it: the window in which two server processes' sweeps race.
/// </summary>
internal sealed class Rendezvous(int parties)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    /// <summary>One interceptor for each party's context.</summary>
    public IInterceptor Party() => new Gate(this);

    private async Task Arrive()
    {
        if (Interlocked.Increment(ref _arrived) == parties)
        {
            _all.TrySetResult();
        }

        try
        {
            await _all.Task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Only {_arrived} of {parties} handlers reached their write.");
        }
    }

    private sealed class Gate(Rendezvous rendezvous) : DbTransactionInterceptor
    {
        private bool _passed;

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection,
            TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result,
            CancellationToken cancellationToken = default)
        {
            if (!_passed)
            {
                _passed = true;
                await rendezvous.Arrive();
            }

            return result;
        }
    }
}
