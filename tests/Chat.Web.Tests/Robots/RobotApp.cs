using System.Collections.Concurrent;
using System.Net;
using Chat.Infrastructure.Tests.Robots.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chat.Web.Tests.Robots;

/// <summary>
/// The whole service on Kestrel at a loopback port, with a SQLite file of its own
/// and three robots: the offline <c>eliza</c>, <c>stubby</c> behind a local
/// chat-completions stub that answers, and <c>broken</c> behind one that answers
/// 500. The robot pauses only briefly, so the tests wait for little.
/// </summary>
public sealed class RobotApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string StubReply = "haha same here";
    public const string StubProviderModel = "stub-model";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"chat-robot-tests-{Guid.NewGuid():N}");
    private StubCompletionsServer? _answering;
    private StubCompletionsServer? _failing;

    public RobotApp() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What the stub that answers was asked.</summary>
    internal ConcurrentQueue<StubRequest> AnsweringRequests => _answering!.Requests;

    /// <summary>What the stub that fails was asked.</summary>
    internal ConcurrentQueue<StubRequest> FailingRequests => _failing!.Requests;

    /// <summary>What the server logged at warning level and above.</summary>
    public CapturedLog Log { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _answering = await StubCompletionsServer.StartAsync(StubReplies.Answer(StubReply));
        _failing = await StubCompletionsServer.StartAsync(StubReplies.Status(500));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single());
    }

    public Player NewPlayer() => new(BaseAddress);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_answering is not null)
        {
            await _answering.DisposeAsync();
        }

        if (_failing is not null)
        {
            await _failing.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("ConnectionStrings:Chat", $"Data Source={Path.Combine(_folder, "chat.db")}");
        builder.UseSetting("Robot:ReplyDelay", "00:00:00.050");
        builder.UseSetting("Robot:ReplyTimeout", "00:00:30");
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

/// <summary>Keeps the server's warnings and errors for tests to read.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue((category, logLevel, formatter(state, exception)));
            }
        }
    }
}
