using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Chat.Testing.Servers;

/// <summary>
/// The machine's redis-server as a plain child process on a loopback port, with
/// nothing written to disk. <see cref="Stop"/> kills it (SIGKILL, as a crash) and
/// <see cref="Start"/> brings a fresh one up on the same port. <see cref="Freeze"/>
/// stops it answering while its connections stay open (SIGSTOP), as a stuck server
/// would; <see cref="Thaw"/> lets it go on.
/// </summary>
public sealed class RedisServer(string program, int port, string folder) : IDisposable
{
    private ChildProcess? _process;

    public int Port { get; } = port;

    public string ConnectionString => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    public ChildProcess? Process => _process;

    public async Task Start()
    {
        _process = ChildProcess.Start(
            "redis-server",
            program,
            ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no"],
            folder);
        var deadline = Stopwatch.StartNew();
        while (!await Pings())
        {
            if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new InvalidOperationException($"redis-server did not start.{Environment.NewLine}{_process.Recent()}");
            }

            await Task.Delay(50);
        }
    }

    public async Task Stop()
    {
        if (_process is not null)
        {
            await _process.Kill();
            _process.Dispose();
            _process = null;
        }
    }

    public Task Freeze() => Signal("STOP");

    public Task Thaw() => Signal("CONT");

    public void Dispose() => _process?.Dispose();

    private async Task Signal(string signal)
    {
        var process = _process ?? throw new InvalidOperationException("redis-server is not running.");
        await Processes.Run("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], workingDirectory: null, CancellationToken.None);
    }

    private async Task<bool> Pings()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
