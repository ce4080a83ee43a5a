using System.Diagnostics;
using System.Reflection;
using Chat.Testing.Servers;

namespace Chat.Cluster.Tests.Infrastructure;

/// <summary>
/// One Chat node: the built Chat.Web.dll in its own process (<c>dotnet Chat.Web.dll</c>),
/// configured on the command line as an operator would, on a fixed loopback port so
/// that nginx and a restarted node find it at the same address.
/// </summary>
internal sealed class ChatNode(string name, int port, string folder, IReadOnlyList<string> settings) : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private ChildProcess? _process;

    public string Name { get; } = name;

    public int Port { get; } = port;

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public bool IsRunning => _process is { HasExited: false };

    public ChildProcess Process => _process ?? throw new InvalidOperationException($"{Name} is not running.");

    public async Task Start()
    {
        var arguments = new List<string>
        {
            Path.Combine(AppContext.BaseDirectory, "Chat.Web.dll"),
            "--urls", BaseAddress.ToString().TrimEnd('/'),
            "--contentRoot", ContentRoot(),
        };
        arguments.AddRange(settings);
        _process = ChildProcess.Start(Name, DotnetHost(), arguments, folder, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_NOLOGO"] = "1",
        });

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited before serving.{Environment.NewLine}{_process.Recent()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (deadline.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"{Name} did not serve within {StartTimeout}.{Environment.NewLine}{_process.Recent()}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL, mid-whatever: its clients see their connections drop.</summary>
    public async Task Kill()
    {
        if (_process is not null)
        {
            await _process.Kill();
        }
    }

    public string Recent() => _process?.Recent() ?? $"--- {Name}: not started ---";

    public void Dispose() => _process?.Dispose();

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string ContentRoot() =>
        typeof(ChatNode).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ChatWebContentRoot").Value
        ?? throw new InvalidOperationException("The test assembly does not record where Chat.Web lives.");
}
