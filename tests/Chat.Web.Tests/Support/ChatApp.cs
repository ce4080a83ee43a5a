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
/// The whole service on real Kestrel at a loopback port, with a SQLite file of its
/// own, so HTTP calls and SignalR WebSockets cross a real socket as a browser's do.
/// One instance per test class (<c>IClassFixture</c>): classes run in parallel,
/// the tests of a class one after another against the same database.
/// </summary>
public sealed class ChatApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>A foreign origin listed in <c>Chat:AllowedOrigins</c>.</summary>
    public const string AllowedOrigin = "https://allowed.example";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"chat-web-tests-{Guid.NewGuid():N}");
    private readonly List<ChatClient> _clients = [];

    public ChatApp() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public string DatabasePath => Path.Combine(_folder, "chat.db");

    /// <summary>What the server logged at warning level and above.</summary>
    public ServerLog Log { get; } = new();

    public ValueTask InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single());
        return ValueTask.CompletedTask;
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
    public async Task<(string Room, ChatClient Alice, ChatClient Bob)> HostAndJoin()
    {
        var room = Unique.Room();
        var alice = await SignUp();
        await alice.Host(room);
        var bob = await SignUp();
        await bob.Join(room);
        return (room, alice, bob);
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("ConnectionStrings:Chat", $"Data Source={DatabasePath}");
        builder.UseSetting("Chat:AllowedOrigins:0", AllowedOrigin);
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Log);
        });
    }
}
