using Chat.Infrastructure.Listings;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.Tests.Listings;

/// <summary>
/// A node's lobby requests share the version's reads, but a caller never gets a read
/// that began before it asked: that read may predate a change the caller has heard of.
/// </summary>
public sealed class CoalescedListingVersionTests : IAsyncDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ControlledVersion _source = new();
    private readonly ServiceProvider _services;
    private readonly IListingVersion _version;

    public CoalescedListingVersionTests()
    {
        var services = new ServiceCollection();
        services.AddKeyedSingleton<IListingVersion>(CoalescedListingVersion.Source, _source);
        services.AddSingleton<IListingVersion, CoalescedListingVersion>();
        _services = services.BuildServiceProvider();
        _version = _services.GetRequiredService<IListingVersion>();
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    [Fact]
    public async Task ACallerWhoAsksWhileAReadIsUnderWay_GetsTheVersionFromAReadThatStartedAfterIt()
    {
        var first = await AHeldRead("1");

        _source.Value = "2";
        var second = _version.Current(Cancel).AsTask();
        _source.ReleaseReads();

        Assert.Equal("1", await first.WaitAsync(Patience, Cancel));
        Assert.Equal("2", await second.WaitAsync(Patience, Cancel));
    }

    [Fact]
    public async Task CallersWhoAskWhileAReadIsUnderWay_ShareTheNextRead()
    {
        var first = await AHeldRead("7");

        var waiting = Enumerable.Range(0, 10).Select(_ => _version.Current(Cancel).AsTask()).ToList();
        _source.ReleaseReads();

        Assert.Equal("7", await first.WaitAsync(Patience, Cancel));
        Assert.All(await Task.WhenAll(waiting).WaitAsync(Patience, Cancel), stamp => Assert.Equal("7", stamp));
        Assert.Equal(2, _source.Reads);
    }

    [Fact]
    public async Task CallersWhoAskOneAfterAnother_EachStartARead()
    {
        _source.Value = "3";

        Assert.Equal("3", await _version.Current(Cancel));
        _source.Value = "4";
        Assert.Equal("4", await _version.Current(Cancel));

        Assert.Equal(2, _source.Reads);
    }

    [Fact]
    public async Task AReadThatFails_GivesNoStamp_AndTheNextReadIsMade()
    {
        _source.Value = "5";
        _source.FailNextRead();

        Assert.Null(await _version.Current(Cancel));
        Assert.Equal("5", await _version.Current(Cancel));
    }

    [Fact]
    public async Task ACallerWhoGivesUp_DoesNotEndTheReadOthersWaitFor()
    {
        var first = await AHeldRead("9");
        using var givingUp = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var impatient = _version.Current(givingUp.Token).AsTask();
        var patient = _version.Current(Cancel).AsTask();

        await givingUp.CancelAsync();
        _source.ReleaseReads();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        Assert.Equal("9", await first.WaitAsync(Patience, Cancel));
        Assert.Equal("9", await patient.WaitAsync(Patience, Cancel));
    }

    /// <summary>Starts a read that answers <paramref name="value"/>, and holds it (and any read after it) until released.</summary>
    private async Task<Task<string?>> AHeldRead(string value)
    {
        _source.Value = value;
        _source.HoldReads();
        var read = _version.Current(Cancel).AsTask();
        await _source.ReadsStarted(1).WaitAsync(Patience, Cancel);
        return read;
    }

    /// <summary>
    /// A version source whose reads, like the database's, answer what was current when
    /// they started; they can be held until released.
    /// </summary>
    private sealed class ControlledVersion : IListingVersion
    {
        private readonly Lock _gate = new();
        private TaskCompletionSource _release = Released();
        private readonly List<TaskCompletionSource> _started = [];
        private bool _failNext;
        private int _reads;

        public string? Value { get; set; }

        public int Reads => Volatile.Read(ref _reads);

        public void HoldReads()
        {
            lock (_gate)
            {
                _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public void ReleaseReads()
        {
            lock (_gate)
            {
                _release.TrySetResult();
            }
        }

        public void FailNextRead() => _failNext = true;

        /// <summary>Completes once <paramref name="count"/> reads have started.</summary>
        public Task ReadsStarted(int count)
        {
            lock (_gate)
            {
                while (_started.Count < count)
                {
                    _started.Add(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                }

                if (_reads >= count)
                {
                    _started[count - 1].TrySetResult();
                }

                return _started[count - 1].Task;
            }
        }

        public async ValueTask<string?> Current(CancellationToken cancellationToken)
        {
            var stamp = Value;
            Task release;
            lock (_gate)
            {
                var read = ++_reads;
                if (read <= _started.Count)
                {
                    _started[read - 1].TrySetResult();
                }

                release = _release.Task;
            }

            await release;
            if (_failNext)
            {
                _failNext = false;
                throw new InvalidOperationException("The database did not answer.");
            }

            return stamp;
        }

        private static TaskCompletionSource Released()
        {
            var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            released.SetResult();
            return released;
        }
    }
}
