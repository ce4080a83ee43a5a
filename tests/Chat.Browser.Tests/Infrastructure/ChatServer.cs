using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Chat.Browser.Tests.Infrastructure;

/// <summary>
/// The real service, run the way `dotnet run` runs it: the built Chat.Web.dll in its own
/// process with the project folder as content root (for wwwroot and appsettings), on a free
/// loopback port, with a SQLite database in a fresh temporary folder.
/// </summary>
internal sealed class ChatServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly DirectoryInfo dataDirectory;
    private readonly ConcurrentQueue<string> log;

    private ChatServer(Process process, Uri baseAddress, DirectoryInfo dataDirectory, ConcurrentQueue<string> log)
    {
        this.process = process;
        BaseAddress = baseAddress;
        this.dataDirectory = dataDirectory;
        this.log = log;
    }

    public Uri BaseAddress { get; }

    public static async Task<ChatServer> StartAsync()
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
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Chat.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(ContentRoot());
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Chat"] = $"Data Source={Path.Combine(dataDirectory.FullName, "chat.db")}";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Record(log, e.Data);
        process.ErrorDataReceived += (_, e) => Record(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ChatServer(process, baseAddress, dataDirectory, log);
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

        await File.WriteAllLinesAsync(Path.Combine(Artifacts.Directory("logs"), "server.log"), log);
        process.Dispose();
        try
        {
            dataDirectory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
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

    private static string ContentRoot() =>
        typeof(ChatServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ChatWebContentRoot").Value
        ?? throw new InvalidOperationException("The test assembly does not record where Chat.Web lives.");
}
