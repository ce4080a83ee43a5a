using Chat.Testing.Servers;
using Npgsql;

namespace Chat.Cluster.Tests.Infrastructure;

/// <summary>
/// Everything a deployment of Chat runs, as real processes of this machine: a
/// PostgreSQL server (started as the persistence tests start theirs), redis-server,
/// two Chat nodes (<c>dotnet Chat.Web.dll</c>) sharing both, and nginx in front with
/// the deployed configuration. Started when a test first asks for it, stopped (every
/// child killed, every folder deleted) when the run ends. Without the programs the
/// tests are skipped, with the reason; under CI (<c>CI=true</c>) that is a failure.
/// Tests that stop a part call <see cref="Ready"/> first, which brings back whatever
/// an earlier test left stopped. The nodes run with the message limit off, unless a
/// cluster is made with one (<see cref="RateLimitedCluster"/>).
/// </summary>
public sealed class ChatCluster : IAsyncDisposable
{
    private const string DatabaseName = "chat";

    private readonly MessageLimit _messageLimit;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _folder = OpenFolder();
    private string? _missing;
    private bool _started;
    private PostgreSqlInstance? _postgres;
    private bool _databaseStopped;
    private RedisServer? _redis;
    private NginxServer? _nginx;
    private ChatNode? _nodeA;
    private ChatNode? _nodeB;

    /// <summary>The cluster every test shares: no message limit.</summary>
    public ChatCluster()
        : this(MessageLimit.Off)
    {
    }

    internal ChatCluster(MessageLimit messageLimit) => _messageLimit = messageLimit;

    private static bool UnderCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    internal ChatNode NodeA => _nodeA!;

    internal ChatNode NodeB => _nodeB!;

    internal NginxServer Nginx => _nginx!;

    internal RedisServer Redis => _redis!;

    internal Uri Proxy => Nginx.BaseAddress;

    /// <summary>Starts the cluster on first use; afterwards restarts any part a test left stopped.</summary>
    public async Task Ready()
    {
        await _gate.WaitAsync();
        try
        {
            if (!_started)
            {
                await StartAll();
                _started = true;
            }

            if (_missing is not null)
            {
                if (UnderCi)
                {
                    Assert.Fail($"{_missing} CI must run the cluster tests: .ci/run installs the programs (Debian: apt-get install postgresql redis-server nginx).");
                }

                Assert.Skip($"{_missing} Install them (Debian: apt-get install postgresql redis-server nginx) to run these tests.");
            }

            if (_databaseStopped)
            {
                await StartDatabase();
            }

            if (!Redis.IsRunning)
            {
                await Redis.Start();
            }

            foreach (var node in new[] { NodeA, NodeB }.Where(n => !n.IsRunning))
            {
                node.Dispose();
                await node.Start();
            }

            // A test that stopped Redis leaves each node to reconnect on its own schedule;
            // until it has, the backplane refuses new hub connections. Ready means both are.
            foreach (var node in new[] { NodeA, NodeB })
            {
                await UntilReady(node);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task UntilReady(ChatNode node)
    {
        using var http = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
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

            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"{node.Name} was not ready within 30 s.{Environment.NewLine}{node.Recent()}");
            }

            await Task.Delay(100);
        }
    }

    internal ChatNode NodeAt(int port) =>
        port == NodeA.Port ? NodeA : port == NodeB.Port ? NodeB : throw new InvalidOperationException($"No node listens on {port}.");

    internal ChatNode Other(ChatNode node) => node == NodeA ? NodeB : NodeA;

    /// <summary>Which node nginx sends this user's requests to: a marked request, looked up in nginx's access log.</summary>
    internal async Task<ChatNode> NodeServing(Player player)
    {
        var marker = Guid.NewGuid().ToString("N");
        using var response = await player.Http.GetAsync(new Uri(Proxy, $"/api/lobby?probe={marker}"), TestContext.Current.CancellationToken);
        var port = await Nginx.UpstreamPortOf(marker) ?? throw new InvalidOperationException($"nginx logged no request with {marker}.");
        return NodeAt(port);
    }

    /// <summary>
    /// Signs people up through nginx until it sends at least so many to each node (the
    /// sign-in cookie decides where). Time-bound rather than count-bound: just after a
    /// node came back, nginx may still be sending everyone to the other one.
    /// </summary>
    internal async Task<PlayerSet> SignUpThroughNginx(int onA, int onB)
    {
        var players = new PlayerSet();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (players.Count(NodeA) < onA || players.Count(NodeB) < onB)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                await players.DisposeAsync();
                Assert.Fail($"nginx did not send {onA} users to node A and {onB} to node B within 20 s.");
            }

            var player = await Player.SignUp(Proxy);
            players.Add(player, await NodeServing(player));
        }

        return players;
    }

    internal async Task StopDatabase()
    {
        await _postgres!.Pause(CancellationToken.None);
        _databaseStopped = true;
    }

    internal async Task StartDatabase()
    {
        await _postgres!.Resume(CancellationToken.None);
        _databaseStopped = false;
    }

    /// <summary>
    /// PostgreSQL's own read-only mode for every session, open ones included
    /// (<c>default_transaction_read_only</c>, reloaded): reads work, every write fails
    /// with 25006, as on a server an operator or a full disk has made read-only.
    /// </summary>
    internal async Task MakeDatabaseReadOnly(bool readOnly)
    {
        // Unpooled: a pooled connection may be one a stopped server has closed since.
        var unpooled = new NpgsqlConnectionStringBuilder(_postgres!.ConnectionString("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(unpooled.ConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        foreach (var sql in new[]
        {
            readOnly ? "ALTER SYSTEM SET default_transaction_read_only = on" : "ALTER SYSTEM RESET default_transaction_read_only",
            "SELECT pg_reload_conf()",
        })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Restarts both nodes, e.g. after the database went away: a node survives that, but
    /// its pool may still hold connections the old server closed, and the next test
    /// should not meet them.
    /// </summary>
    internal async Task RestartNodes()
    {
        foreach (var node in new[] { NodeA, NodeB })
        {
            await node.Kill();
            node.Dispose();
            await node.Start();
        }
    }

    internal string Logs() =>
        string.Join(Environment.NewLine, NodeA.Recent(), NodeB.Recent(), _redis?.Process?.Recent() ?? "redis: stopped", _nginx?.Recent() ?? string.Empty);

    public async ValueTask DisposeAsync()
    {
        _nginx?.Dispose();
        _nodeA?.Dispose();
        _nodeB?.Dispose();
        _redis?.Dispose();
        if (_postgres is not null)
        {
            NpgsqlConnection.ClearAllPools();
            if (_databaseStopped)
            {
                await _postgres.Resume(CancellationToken.None);
            }

            await _postgres.Stop();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }

        _gate.Dispose();
    }

    /// <summary>nginx's workers run unprivileged and must reach their temporary files inside.</summary>
    private static string OpenFolder()
    {
        var folder = Directory.CreateTempSubdirectory("chat-cluster-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        }

        return folder;
    }

    private async Task StartAll()
    {
        var postgres = PostgreSqlBinaries.Find();
        var redis = Binaries.Find("redis-server");
        var nginx = Binaries.Find("nginx");
        var missing = new List<string>();
        if (postgres is null)
        {
            missing.Add($"PostgreSQL ({PostgreSqlBinaries.Where})");
        }

        if (redis is null)
        {
            missing.Add("redis-server");
        }

        if (nginx is null)
        {
            missing.Add("nginx");
        }

        if (missing.Count > 0)
        {
            _missing = $"Not installed: {string.Join(", ", missing)}.";
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _postgres = await PostgreSqlInstance.Start(postgres!, timeout.Token);
        await _postgres.CreateDatabase(DatabaseName, timeout.Token);

        _redis = new RedisServer(redis!, FreePort.Next(), Directory.CreateDirectory(Path.Combine(_folder, "redis")).FullName);
        await _redis.Start();

        string[] settings =
        [
            "--Database:Provider=PostgreSql",
            $"--ConnectionStrings:Chat={_postgres.ConnectionString(DatabaseName)}",
            $"--ConnectionStrings:Redis={_redis.ConnectionString}",
            "--ForwardedHeaders:KnownProxies:0=127.0.0.1",
            $"--Limits:MessagesPerSecond={_messageLimit.PerSecond}",
            $"--Limits:MessageBurst={_messageLimit.Burst}",
            "--Limits:RegistrationsPerMinute=0",
            "--Limits:LobbyActionsPerMinute=0",
            "--Robot:ReplyDelay=00:00:00.200",
        ];
        _nodeA = new ChatNode("node A", FreePort.Next(), Directory.CreateDirectory(Path.Combine(_folder, "a")).FullName, settings);
        _nodeB = new ChatNode("node B", FreePort.Next(), Directory.CreateDirectory(Path.Combine(_folder, "b")).FullName, settings);

        // One after the other: the first migrates the new database.
        await _nodeA.Start();
        await _nodeB.Start();

        var nginxFolder = Directory.CreateDirectory(Path.Combine(_folder, "nginx")).FullName;
        _nginx = await NginxServer.Start(nginx!, nginxFolder, FreePort.Next(), [_nodeA.Port, _nodeB.Port]);
    }
}
