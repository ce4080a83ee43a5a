using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Chat.Web.Tests.Support;

/// <summary>
/// The service as a real process, `dotnet Chat.Web.dll` from the test's build output,
/// on a free loopback port over a SQLite file the test names: the host fixture for what
/// only a process shows (a <c>kill -9</c>, a restart on the same file). The request
/// limits are off (<see cref="TestLimits"/>).
/// </summary>
public sealed class ChatProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log;
    private readonly List<ChatClient> _clients = [];

    private ChatProcess(Process process, Uri baseAddress, ConcurrentQueue<string> log)
    {
        _process = process;
        BaseAddress = baseAddress;
        _log = log;
    }

    public Uri BaseAddress { get; }

    public string RecentLog => string.Join(Environment.NewLine, _log.TakeLast(40));

    /// <summary>The lines the console logger wrote at error level or above (<c>fail:</c>, <c>crit:</c>).</summary>
    public IReadOnlyList<string> Failures => [.. _log.Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal))];

    /// <summary>
    /// Starts the service over <paramref name="databasePath"/> and waits until it answers HTTP.
    /// With <paramref name="fileWritesCanFail"/> it starts with SIGXFSZ ignored (through a
    /// shell that then becomes the service), so that <see cref="RefuseFileWrites"/> makes
    /// its writes fail with an error instead of killing it.
    /// </summary>
    public static async Task<ChatProcess> Start(string databasePath, IReadOnlyDictionary<string, string>? settings = null, bool fileWritesCanFail = false)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(fileWritesCanFail ? "/bin/sh" : DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(databasePath)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (fileWritesCanFail)
        {
            // An ignored signal stays ignored across exec; the process id stays the same.
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("trap '' XFSZ; exec \"$0\" \"$@\"");
            start.ArgumentList.Add(DotnetHost());
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Chat.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Chat"] = $"Data Source={databasePath}";
        foreach (var (key, value) in TestLimits.Off.Concat(settings ?? new Dictionary<string, string>()))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var log = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Record(log, e.Data);
        process.ErrorDataReceived += (_, e) => Record(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ChatProcess(process, baseAddress, log);
        try
        {
            await server.WaitUntilServing();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>A new person signed up at this process, under a unique name; disposed with the process.</summary>
    public async Task<ChatClient> SignUp()
    {
        var client = new ChatClient(BaseAddress);
        _clients.Add(client);
        await client.Register(Unique.Name());
        return client;
    }

    /// <summary>Alice hosts a fresh room and Bob joins it, both by REST; neither has a hub connection yet.</summary>
    public Task<(string Room, ChatClient Alice, ChatClient Bob)> HostAndJoin() => Support.HostAndJoin.Through(SignUp);

    /// <summary>
    /// Every write the service makes to a file from now on fails (EFBIG: its file-size
    /// soft limit is lowered to one byte, and writes past the limit are refused even where they
    /// overwrite), as on a disk that takes no more data. Works for root too, which file
    /// permissions would not stop. Needs a start with <c>fileWritesCanFail</c>.
    /// </summary>
    public Task RefuseFileWrites() => SetFileSizeLimit("1:");

    /// <summary>Lifts <see cref="RefuseFileWrites"/>: the same process may write again.</summary>
    public Task AllowFileWrites() => SetFileSizeLimit("unlimited:");

    /// <summary>SIGKILL: the process gets no chance to drain, flush or close anything.</summary>
    public async Task KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await KillHard();
        _process.Dispose();
    }

    /// <summary>The soft limit only (<c>soft:</c>): lowering the hard limit could not be undone without CAP_SYS_RESOURCE.</summary>
    private async Task SetFileSizeLimit(string limit)
    {
        using var prlimit = Process.Start("prlimit", ["--pid", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"--fsize={limit}"])
            ?? throw new InvalidOperationException("prlimit did not start.");
        await prlimit.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(prlimit.ExitCode == 0, $"prlimit --fsize={limit} failed with {prlimit.ExitCode}.");
    }

    private async Task WaitUntilServing()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Chat.Web exited with {_process.ExitCode} before serving.{Environment.NewLine}{RecentLog}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/api/", UriKind.Relative));
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Chat.Web did not serve within {StartTimeout}.{Environment.NewLine}{RecentLog}");
    }

    private static void Record(ConcurrentQueue<string> log, string? line)
    {
        if (line is not null)
        {
            log.Enqueue(line);
            while (log.Count > 500)
            {
                log.TryDequeue(out _);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
