using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Chat.Browser.Tests.Infrastructure;

/// <summary>
/// The real service in a process of its own, started as `dotnet Chat.Web.dll --urls ...`
/// from a fresh temporary folder that is its working directory and holds its SQLite
/// database, on a free loopback port. The app finds its wwwroot and appsettings in its
/// own folder, never in the working directory.
/// </summary>
internal sealed class ChatServer : IAsyncDisposable
{
    /// <summary>Where the test build puts a `dotnet publish` of the service (see the project file).</summary>
    public const string PublishedFolder = "published-chat-web";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly DirectoryInfo dataDirectory;
    private readonly DirectoryInfo? appCopy;
    private readonly string logName;
    private readonly ConcurrentQueue<string> log;

    private ChatServer(Process process, Uri baseAddress, DirectoryInfo dataDirectory, DirectoryInfo? appCopy, string logName, ConcurrentQueue<string> log)
    {
        this.process = process;
        BaseAddress = baseAddress;
        this.dataDirectory = dataDirectory;
        this.appCopy = appCopy;
        this.logName = logName;
        this.log = log;
    }

    public Uri BaseAddress { get; }

    /// <summary>
    /// The build output beside the tests, in Development, the way `dotnet run` runs it:
    /// its wwwroot comes from the project through the static web assets manifest.
    /// </summary>
    public static Task<ChatServer> StartAsync() =>
        StartAsync(AppContext.BaseDirectory, "Development", appCopy: null, "server.log");

    /// <summary>
    /// A copy of the published service, as an operator deploys it, in Production.
    /// <paramref name="alter"/> may change the copy first (remove appsettings.json).
    /// </summary>
    public static Task<ChatServer> StartPublishedAsync(Action<DirectoryInfo>? alter = null)
    {
        var published = new DirectoryInfo(Path.Combine(AppContext.BaseDirectory, PublishedFolder));
        if (!published.Exists)
        {
            throw new InvalidOperationException($"The test build did not publish the service to {published.FullName}.");
        }

        var copy = Directory.CreateTempSubdirectory("chat-published-");
        CopyDirectory(published, copy);
        alter?.Invoke(copy);
        return StartAsync(copy.FullName, "Production", copy, $"published-server-{copy.Name}.log");
    }

    /// <summary>Every line the process wrote, oldest first (the last 2000).</summary>
    public IReadOnlyList<string> Log => [.. log];

    private static async Task<ChatServer> StartAsync(string appFolder, string environment, DirectoryInfo? appCopy, string logName)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("chat-browser-tests-");
        var baseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        var log = new ConcurrentQueue<string>();

        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = dataDirectory.FullName,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(appFolder, "Chat.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));

        // The scenarios sign several people up from one address within a minute.
        foreach (var limit in new[] { "RegistrationsPerMinute", "LobbyActionsPerMinute", "MessagesPerSecond", "MessageBurst" })
        {
            start.ArgumentList.Add($"--Limits:{limit}=0");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Chat"] = $"Data Source={Path.Combine(dataDirectory.FullName, "chat.db")}";

        // A quicker robot and a short game, so the tests that play one wait seconds, not minutes.
        start.Environment["Robot__ReplyDelay"] = "00:00:00.500";
        start.Environment["Game__ChatLength"] = "00:00:08";
        start.Environment["Game__VoteLength"] = "00:00:40";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Record(log, e.Data);
        process.ErrorDataReceived += (_, e) => Record(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ChatServer(process, baseAddress, dataDirectory, appCopy, logName, log);
        try
        {
            await server.WaitUntilServingAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public string RecentLog(int lines = 40) => string.Join(Environment.NewLine, log.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        await File.WriteAllLinesAsync(Path.Combine(Artifacts.Directory("logs"), logName), log);
        process.Dispose();
        foreach (var folder in new[] { dataDirectory, appCopy })
        {
            try
            {
                folder?.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still held open only leaves a temp folder behind.
            }
        }
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"Chat.Web exited with code {process.ExitCode} before serving.{Environment.NewLine}{RecentLog()}");
            }

            try
            {
                // Any HTTP answer means Kestrel is up and the app has finished starting.
                using var response = await http.GetAsync(new Uri("/api/", UriKind.Relative));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
            catch (TaskCanceledException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException($"Chat.Web did not serve {BaseAddress} within {StartTimeout}.{Environment.NewLine}{RecentLog()}");
    }

    private static void Record(ConcurrentQueue<string> log, string? line)
    {
        if (line is null)
        {
            return;
        }

        log.Enqueue(line);
        while (log.Count > 2000)
        {
            log.TryDequeue(out _);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static void CopyDirectory(DirectoryInfo from, DirectoryInfo to)
    {
        foreach (var file in from.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to.FullName, Path.GetRelativePath(from.FullName, file.FullName));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            file.CopyTo(target);
        }
    }
}
