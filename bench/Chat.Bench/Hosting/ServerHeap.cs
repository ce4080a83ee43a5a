using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Chat.Bench.Hosting;

/// <summary>
/// What a server's garbage-collected heap holds alive. The runtime is asked over its
/// diagnostics port for a full, blocking collection (the request a heap dump makes),
/// and the bytes that collection found alive are read from its statistics event.
/// Unlike the resident memory, this does not depend on how much free space the
/// collector kept from earlier loads.
/// </summary>
internal static class ServerHeap
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<long> LiveBytesAsync(int processId)
    {
        var client = new DiagnosticsClient(processId);
        var runtime = new EventPipeProvider(
            ClrTraceEventParser.ProviderName,
            EventLevel.Informational,
            (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect));
        using var cancel = new CancellationTokenSource(Timeout);
        using var session = await client.StartEventPipeSessionAsync([runtime], requestRundown: false, circularBufferMB: 16, cancel.Token);
        var live = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = Task.Run(() =>
        {
            using var events = new EventPipeEventSource(session.EventStream);
            var induced = false;
            events.Clr.GCStart += e => induced |= e.Depth == 2 && e.Reason == GCReason.Induced;
            events.Clr.GCHeapStats += e =>
            {
                if (induced && live.TrySetResult(e.TotalPromoted))
                {
                    events.StopProcessing();
                }
            };
            events.Process();
        });
        using (cancel.Token.Register(() => live.TrySetCanceled()))
        {
            try
            {
                return await live.Task;
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"process {processId} reported no full collection within {Timeout.TotalSeconds:0}s");
            }
            finally
            {
                await session.StopAsync(CancellationToken.None);
                await reading;
            }
        }
    }
}
