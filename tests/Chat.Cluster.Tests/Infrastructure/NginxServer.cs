using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Chat.Testing.Servers;

namespace Chat.Cluster.Tests.Infrastructure;

/// <summary>
/// The machine's nginx running deploy/nginx/chat.conf.template, the file compose.yaml
/// deploys, with its variables filled in as the nginx image fills them in (the
/// nodes' and nginx's loopback ports). Around it, a main configuration of the test's
/// own: foreground, files in a temporary folder, and an access log that records which
/// node served each request, so a test can tell where nginx sent a user.
/// </summary>
internal sealed partial class NginxServer : IDisposable
{
    private readonly string _folder;
    private readonly ChildProcess _process;

    private NginxServer(string folder, int port, ChildProcess process)
    {
        _folder = folder;
        Port = port;
        _process = process;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    private string AccessLog => Path.Combine(_folder, "access.log");

    public static string TemplatePath =>
        typeof(NginxServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NginxTemplate").Value!;

    public static async Task<NginxServer> Start(string program, string folder, int port, IReadOnlyList<int> nodePorts)
    {
        var variables = new Dictionary<string, string>
        {
            ["CHAT_NODE_1"] = $"127.0.0.1:{nodePorts[0]}",
            ["CHAT_NODE_2"] = $"127.0.0.1:{nodePorts[1]}",
            ["NGINX_PORT"] = $"127.0.0.1:{port}",
        };
        var site = Variable().Replace(await File.ReadAllTextAsync(TemplatePath), m =>
            variables.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);
        await File.WriteAllTextAsync(Path.Combine(folder, "chat.conf"), site);

        var temp = Directory.CreateDirectory(Path.Combine(folder, "temp")).FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, (UnixFileMode)0b111_111_111);
        }

        var main = $$"""
            daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            {{(Environment.IsPrivilegedProcess ? "user nobody " + NobodyGroup() + ";" : string.Empty)}}
            events { worker_connections 1024; }
            http {
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                log_format upstream '$request_uri $upstream_addr $status';
                access_log {{folder}}/access.log upstream;
                include {{folder}}/chat.conf;
            }
            """;
        var config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, main);

        var process = ChildProcess.Start("nginx", program, ["-p", folder, "-c", config, "-e", Path.Combine(folder, "error.log")], folder);
        var server = new NginxServer(folder, port, process);
        var deadline = Stopwatch.StartNew();
        while (!await FreePort.Accepts(port))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                var errors = File.Exists(Path.Combine(folder, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(folder, "error.log")) : string.Empty;
                server.Dispose();
                throw new InvalidOperationException($"nginx did not start.{Environment.NewLine}{process.Recent()}{Environment.NewLine}{errors}");
            }

            await Task.Delay(50);
        }

        return server;
    }

    /// <summary>The upstream port that served the request whose URI contains the marker, from the access log.</summary>
    public async Task<int?> UpstreamPortOf(string marker)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            if (File.Exists(AccessLog))
            {
                using var stream = new FileStream(AccessLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var reader = new StreamReader(stream);
                var lines = (await reader.ReadToEndAsync()).Split('\n');
                var line = lines.LastOrDefault(l => l.Contains(marker, StringComparison.Ordinal));
                if (line is not null)
                {
                    // "$request_uri $upstream_addr $status"; after a failed try nginx lists
                    // every upstream it tried ("a:1, b:2"): the last one served.
                    var upstream = line.Split(' ', 2)[1];
                    var last = upstream[..upstream.LastIndexOf(' ')].Split(',').Last().Trim();
                    return int.Parse(last[(last.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
                }
            }

            await Task.Delay(50);
        }

        return null;
    }

    public string Recent() => _process.Recent() + Environment.NewLine +
        (File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : string.Empty);

    public void Dispose() => _process.Dispose();

    /// <summary>Debian calls the unprivileged group nogroup; other systems call it nobody.</summary>
    private static string NobodyGroup() =>
        File.Exists("/etc/group") && File.ReadLines("/etc/group").Any(l => l.StartsWith("nogroup:", StringComparison.Ordinal)) ? "nogroup" : "nobody";

    [GeneratedRegex(@"\$\{([A-Z0-9_]+)\}")]
    private static partial Regex Variable();
}
