using System.Collections.Concurrent;
using System.Diagnostics;

namespace Chat.Testing.Servers;

/// <summary>A long-running child process whose output is kept (the last few thousand lines) for failure messages.</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();
    private int _lines;

    private ChildProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    /// <summary>How many lines it has printed so far; a mark to count from.</summary>
    public int LineCount => Volatile.Read(ref _lines);

    public static ChildProcess Start(string name, string file, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(process, name);
        process.OutputDataReceived += (_, e) => child.Record(e.Data);
        process.ErrorDataReceived += (_, e) => child.Record(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public IReadOnlyList<string> Lines => [.. _log];

    /// <summary>Lines printed since a <see cref="LineCount"/> mark that contain the text.</summary>
    public int CountSince(int mark, string text) => _log.Skip(Math.Max(0, mark - (_lines - _log.Count))).Count(l => l.Contains(text, StringComparison.Ordinal));

    public string Recent(int lines = 60) => $"--- {Name} ---{Environment.NewLine}{string.Join(Environment.NewLine, _log.TakeLast(lines))}";

    /// <summary>SIGKILL: no shutdown, no goodbye to clients, as when a machine dies.</summary>
    public async Task Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        _log.Enqueue(line);
        Interlocked.Increment(ref _lines);
        while (_log.Count > 5000)
        {
            _log.TryDequeue(out _);
        }
    }
}
