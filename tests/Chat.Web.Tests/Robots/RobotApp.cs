using System.Collections.Concurrent;
using System.Net;
using Chat.Infrastructure.Tests.Robots.Support;
using Chat.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chat.Web.Tests.Robots;

/// <summary>
/// <see cref="ChatApp"/>'s server with three robots on offer: the offline
/// <c>eliza</c>, <c>stubby</c> behind a local chat-completions stub that answers,
/// and <c>broken</c> behind one that answers 500. The stubs must be listening
/// before the server is configured, which is why this is a fixture of its own.
/// The robot pauses only briefly, so the tests wait for little.
/// </summary>
public sealed class RobotApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string StubReply = "haha same here";
    public const string StubProviderModel = "stub-model";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"chat-robot-tests-{Guid.NewGuid():N}");
    private readonly ConcurrentBag<ChatClient> _clients = [];
    private StubCompletionsServer? _answering;
    private StubCompletionsServer? _failing;

    public RobotApp() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What the server logged at warning level and above.</summary>
    public ServerLog Log { get; } = new();

    /// <summary>What the stub that answers was asked.</summary>
    internal ConcurrentQueue<StubRequest> AnsweringRequests => _answering!.Requests;

    /// <summary>What the stub that fails was asked.</summary>
    internal ConcurrentQueue<StubRequest> FailingRequests => _failing!.Requests;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _answering = await StubCompletionsServer.StartAsync(StubReplies.Answer(StubReply));
        _failing = await StubCompletionsServer.StartAsync(StubReplies.Status(500));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single());
    }

    /// <summary>A client signed in under a fresh name.</summary>
    public async Task<ChatClient> SignUp(string stem)
    {
        var client = new ChatClient(BaseAddress);
        _clients.Add(client);
        await client.Register(Unique.Name(stem));
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await base.DisposeAsync();
        await (_answering?.DisposeAsync() ?? ValueTask.CompletedTask);
        await (_failing?.DisposeAsync() ?? ValueTask.CompletedTask);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }

        // A failing model is a warning by design; an error means a turn broke.
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
        builder.UseSetting("ConnectionStrings:Chat", $"Data Source={Path.Combine(_folder, "chat.db")}");
        builder.UseSetting("Robot:ReplyDelay", "00:00:00.050");
        builder.UseSetting("Robot:Models:eliza:Provider", "Offline");
        OpenAIModel(builder, "stubby", _answering!.Endpoint);
        OpenAIModel(builder, "broken", _failing!.Endpoint);
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(Log);
        });
    }

    private static void OpenAIModel(IWebHostBuilder builder, string name, Uri endpoint)
    {
        builder.UseSetting($"Robot:Models:{name}:Provider", "OpenAI");
        builder.UseSetting($"Robot:Models:{name}:Endpoint", endpoint.ToString());
        builder.UseSetting($"Robot:Models:{name}:Model", StubProviderModel);
    }
}
