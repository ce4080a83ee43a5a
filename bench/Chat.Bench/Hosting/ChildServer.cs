using System.Diagnostics;

namespace Chat.Bench.Hosting;

/// <summary>
/// A server process owned by the bench: its output is drained (a full pipe
/// would stall it) and the tail kept for error reports; disposing ends it.
/// </summary>
internal sealed class ChildServer : IAsyncDisposable
{
    private const int KeptOutputLines = 40;

    private readonly Process _process;
    private readonly Queue<string> _outputTail = new();

    private ChildServer(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
    }

    public static ChildServer Start(ProcessStartInfo startInfo)
    {
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"could not start {startInfo.FileName}");
        var server = new ChildServer(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Polls <paramref name="probe"/> until it answers 2xx, the process exits, or the timeout passes.</summary>
    public async Task WaitUntilAnsweringAsync(Uri probe, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"server exited with code {_process.ExitCode}:\n{OutputTail()}");
            }
            try
            {
                using var response = await http.GetAsync(probe);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but busy starting up.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{probe} did not answer within {timeout.TotalSeconds:0}s:\n{OutputTail()}");
    }

    /// <summary>The most memory the process has had resident so far.</summary>
    public long PeakWorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.PeakWorkingSet64;
        }
    }

    /// <summary>The memory the process has resident now.</summary>
    public ProcessMemory Memory => ProcessMemory.Of(_process);

    /// <summary>What the process's heap holds alive, after a full collection it is asked for.</summary>
    public Task<long> LiveHeapBytesAsync() => ServerHeap.LiveBytesAsync(_process.Id);

    /// <summary>How long the process's JIT compiler works during the next <paramref name="window"/>.</summary>
    public Task<TimeSpan> CompilingTimeAsync(TimeSpan window) => ServerJit.CompilingTimeAsync(_process.Id, window);

    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    private string OutputTail()
    {
        lock (_outputTail)
        {
            return string.Join('\n', _outputTail);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_outputTail)
        {
            _outputTail.Enqueue(line);
            if (_outputTail.Count > KeptOutputLines)
            {
                _outputTail.Dequeue();
            }
        }
    }
}
