using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chat.Web.Tests.Support;

/// <summary>
/// The whole service on real Kestrel at a loopback port, over a SQLite file, so HTTP
/// calls and SignalR WebSockets cross a real socket as a browser's do. The one host
/// fixture of the web tests: the robot and presence servers are configurations of it
/// (<see cref="Settings"/>, <see cref="BeforeStart"/>). The request limits are off
/// (<see cref="TestLimits"/>). As a class fixture
/// (<c>IClassFixture</c>), classes run in parallel, the tests of a class one after
/// another against the same database.
/// </summary>
public class ChatApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>A foreign origin listed in <c>Chat:AllowedOrigins</c>.</summary>
    public const string AllowedOrigin = "https://allowed.example";

    private readonly string? _ownFolder;
    private readonly List<ChatClient> _clients = [];
    private bool _disposed;

    /// <summary>A server with a database file of its own, deleted with the fixture.</summary>
    public ChatApp()
        : this(databasePath: null, new ServerLog())
    {
    }

    /// <param name="databasePath">A SQLite file shared with other servers (its owner deletes it); null for one of its own.</param>
    /// <param name="log">Where the server's log goes.</param>
    protected ChatApp(string? databasePath, ServerLog log)
    {
        if (databasePath is null)
        {
            _ownFolder = Path.Combine(Path.GetTempPath(), $"chat-web-tests-{Guid.NewGuid():N}");
            Directory.CreateDirectory(_ownFolder);
            databasePath = Path.Combine(_ownFolder, "chat.db");
        }

        DatabasePath = databasePath;
        Log = log;
        Settings["ConnectionStrings:Chat"] = $"Data Source={databasePath}";
        Settings["Chat:AllowedOrigins:0"] = AllowedOrigin;

        // The tests sign many people up from one address; the limits' own tests switch them on.
        foreach (var (key, value) in TestLimits.Off)
        {
            Settings[key] = value;
        }

        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public string DatabasePath { get; }

    /// <summary>What the server logged at warning level and above.</summary>
    public ServerLog Log { get; }

    /// <summary>Configuration the server starts with, over its appsettings; complete before it starts.</summary>
    protected IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        await BeforeStart();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single());
    }

    /// <summary>A client that has not registered: no cookie.</summary>
    public ChatClient Anonymous()
    {
        var client = new ChatClient(BaseAddress);
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    /// <summary>A client signed in by <c>POST /api/register</c> under a fresh name (or the one given).</summary>
    public async Task<ChatClient> SignUp(string? username = null)
    {
        var client = Anonymous();
        await client.Register(username ?? Unique.Name());
        return client;
    }

    /// <summary>Alice hosts a fresh room and Bob joins it, both by REST; neither has a hub connection yet.</summary>
    public Task<(string Room, ChatClient Alice, ChatClient Bob)> HostAndJoin() => Support.HostAndJoin.Through(() => SignUp());

    public override async ValueTask DisposeAsync()
    {
        // A test may stop a process itself (a rolling restart) before its fixture does.
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        GC.SuppressFinalize(this);
        try
        {
            foreach (var client in _clients)
            {
                await client.DisposeAsync();
            }

            await base.DisposeAsync();
            await CleanUpAndCheckTheLog();
        }
        catch (Exception ex)
        {
            KeepReport($"{GetType().Name} failed as it stopped:\n{ex}");
            throw;
        }
    }

    private async Task CleanUpAndCheckTheLog()
    {
        await AfterStop();
        if (_ownFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_ownFolder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }

        // The safety net under every test of the class: whatever was sent, the server
        // never failed in a way it did not mean to (no 500, no unexpected hub failure).
        var unexpected = Log.Unexpected;
        if (unexpected.Count > 0)
        {
            throw new InvalidOperationException(
                "The server logged unexpected failures:\n" + string.Join("\n", unexpected.Select(e => $"{e.Category}: {e.Text}\n{e.Error}")));
        }
    }

    /// <summary>
    /// A fixture's failure is reported by the test runner as its exception's type alone
    /// (at <c>dotnet test</c>'s usual verbosity), so the text is also kept in a file
    /// beside the tests, <c>logs/fixture-failure-*.log</c>, which <c>.ci/run</c> prints.
    /// </summary>
    private static void KeepReport(string report)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "logs");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"fixture-failure-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.log"), report);
    }

    /// <summary>
    /// Runs before the server is configured: where the stub servers it is to talk to
    /// start listening, so their addresses can go into <see cref="Settings"/>.
    /// </summary>
    protected virtual ValueTask BeforeStart() => ValueTask.CompletedTask;

    /// <summary>Runs once the server has stopped: where what <see cref="BeforeStart"/> started is stopped.</summary>
    protected virtual ValueTask AfterStop() => ValueTask.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Log);
        });
    }
}
