using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Chat.Bench.Hosting;

/// <summary>
/// How long a server's just-in-time compiler worked during a window. The runtime
/// is asked over its diagnostics port for its JIT events, and the time from each
/// method's start of compilation to its load is added up. A server whose
/// compiler is still busy is not yet running the code it will run from then on:
/// the tiered compiler recompiles what the load makes hot, with profile data,
/// for as long as new code keeps getting hot.
/// </summary>
internal static class ServerJit
{
    /// <summary>How long the diagnostics port may take to start a session.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    public static async Task<TimeSpan> CompilingTimeAsync(int processId, TimeSpan window)
    {
        var client = new DiagnosticsClient(processId);
        var runtime = new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.Jit);
        using var starting = new CancellationTokenSource(StartTimeout);
        using var session = await client.StartEventPipeSessionAsync([runtime], requestRundown: false, circularBufferMB: 16, starting.Token);
        var compiling = TimeSpan.Zero;
        var reading = Task.Run(() =>
        {
            using var events = new EventPipeEventSource(session.EventStream);
            var started = new Dictionary<long, double>();
            events.Clr.MethodJittingStarted += e => started[e.MethodID] = e.TimeStampRelativeMSec;
            events.Clr.MethodLoadVerbose += e =>
            {
                if (started.Remove(e.MethodID, out var at))
                {
                    compiling += TimeSpan.FromMilliseconds(e.TimeStampRelativeMSec - at);
                }
            };
            events.Process();
        });
        await Task.Delay(window);
        await session.StopAsync(CancellationToken.None);
        await reading;
        return compiling;
    }
}
