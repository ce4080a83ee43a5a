using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Web.Tests.Support;

/// <summary>
/// A real SignalR client on the WebSockets transport that records the hub's
/// <c>message</c>, <c>error</c>, <c>session_updated</c> and <c>game_updated</c> events. Each "next"
/// helper waits a few seconds at most, so a missing event fails the test instead
/// of hanging it.
/// </summary>
public sealed class RoomConnection : IAsyncDisposable
{
    /// <summary>How long an expected event may take.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly Channel<JsonElement> _messages = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _errors = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _sessionUpdates = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _gameUpdates = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _typing = Channel.CreateUnbounded<JsonElement>();
    private readonly ConcurrentQueue<(JsonElement Typing, DateTimeOffset At)> _allTyping = new();
    private readonly ConcurrentQueue<JsonElement> _allMessages = new();
    private readonly ConcurrentQueue<(string Name, JsonElement Payload, DateTimeOffset At)> _allEvents = new();
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RoomConnection(HubConnection hub, string username)
    {
        Hub = hub;
        Username = username;
        hub.On<JsonElement>("message", m =>
        {
            Record("message", m);
            _allMessages.Enqueue(m);
            _messages.Writer.TryWrite(m);
        });
        hub.On<JsonElement>("error", e => _errors.Writer.TryWrite(e));
        hub.On<JsonElement>("session_updated", s =>
        {
            Record("session_updated", s);
            _sessionUpdates.Writer.TryWrite(s);
        });
        hub.On<JsonElement>("game_updated", g =>
        {
            Record("game_updated", g);
            _gameUpdates.Writer.TryWrite(g);
        });
        hub.On<JsonElement>("typing", t =>
        {
            _allTyping.Enqueue((t, DateTimeOffset.UtcNow));
            _typing.Writer.TryWrite(t);
        });
        hub.Closed += error =>
        {
            _closed.TrySetResult(error);
            return Task.CompletedTask;
        };
    }

    public HubConnection Hub { get; }

    /// <summary>Whose connection this is; the <c>username</c>/<c>from</c> the helpers send.</summary>
    public string Username { get; }

    /// <summary>Every <c>message</c> event received so far, in order.</summary>
    public IReadOnlyList<JsonElement> AllMessages => [.. _allMessages];

    /// <summary>Every <c>message</c>, <c>session_updated</c> and <c>game_updated</c> event received so far, in the order they arrived, with when.</summary>
    public IReadOnlyList<(string Name, JsonElement Payload, DateTimeOffset At)> AllEvents => [.. _allEvents];

    /// <summary>Every <c>typing</c> event received so far, in order, with when it arrived.</summary>
    public IReadOnlyList<(JsonElement Typing, DateTimeOffset At)> AllTyping => [.. _allTyping];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<RoomConnection> Open(Uri baseAddress, string username, Action<HttpConnectionOptions> authenticate)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/chat"), HttpTransportType.WebSockets, authenticate)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower)
            .Build();
        var connection = new RoomConnection(hub, username);
        try
        {
            await hub.StartAsync(Ct);
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }

        return connection;
    }

    /// <summary>Invokes <c>join</c> as this connection's user.</summary>
    public Task<JsonElement> Join(string room) => Invoke("join", new { room, username = Username });

    /// <summary>Invokes <c>message</c> from this connection's user.</summary>
    public Task<JsonElement> Say(string room, string text) => Invoke("message", new { from = Username, room, message = text });

    /// <summary>Invokes <c>typing</c> for a room; it returns nothing.</summary>
    public Task Type(string? room) => Hub.InvokeAsync("typing", new { room }, Ct);

    /// <summary>Invokes a hub method with exactly this argument (any shape, for bad input).</summary>
    public Task<JsonElement> Invoke(string method, object? argument) => Hub.InvokeAsync<JsonElement>(method, argument, Ct);

    /// <summary>
    /// Invokes a hub method that must fail and returns the reason the server gave.
    /// SignalR wraps it as "An unexpected error occurred invoking 'join' on the
    /// server. HubException: &lt;reason&gt;"; only the reason is ours.
    /// </summary>
    public async Task<string> InvokeRefused(string method, object? argument)
    {
        var refused = await Assert.ThrowsAsync<HubException>(() => Invoke(method, argument));
        const string Marker = "HubException: ";
        var at = refused.Message.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"The server did not give a reason of its own: {refused.Message}");
        return refused.Message[(at + Marker.Length)..];
    }

    /// <summary>
    /// For "receives nothing" where no later event can serve as a marker: waits a
    /// short, bounded time and asserts that no message event arrived.
    /// </summary>
    public async Task AssertNoMessageFor(TimeSpan quiet)
    {
        var count = _allMessages.Count;
        await Task.Delay(quiet, Ct);
        Assert.True(_allMessages.Count == count, $"{Username} received {string.Join(", ", AllMessages.Skip(count))}");
    }

    public Task<JsonElement> NextMessage() => Next(_messages, "message");

    /// <summary>Skips messages until one matches.</summary>
    public async Task<JsonElement> NextMessage(Func<JsonElement, bool> match)
    {
        while (true)
        {
            var message = await NextMessage();
            if (match(message))
            {
                return message;
            }
        }
    }

    public Task<JsonElement> NextMessageSaying(string text) => NextMessage(m => m.Str("message") == text);

    /// <summary>
    /// Reads messages up to and including the one saying <paramref name="marker"/> and
    /// returns those before it: a later marker proves what did not arrive before it.
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> MessagesBefore(string marker)
    {
        var before = new List<JsonElement>();
        while (true)
        {
            var message = await NextMessage();
            if (message.Str("message") == marker)
            {
                return before;
            }

            before.Add(message);
        }
    }

    public Task<JsonElement> NextTyping() => Next(_typing, "typing");

    /// <summary>Waits a short, bounded time and asserts that no typing event arrived.</summary>
    public async Task AssertNoTypingFor(TimeSpan quiet)
    {
        var count = _allTyping.Count;
        await Task.Delay(quiet, Ct);
        Assert.True(_allTyping.Count == count, $"{Username} heard typing: {string.Join(", ", AllTyping.Skip(count).Select(t => t.Typing.GetRawText()))}");
    }

    public Task<JsonElement> NextError() => Next(_errors, "error");

    public Task<JsonElement> NextSessionUpdate() => Next(_sessionUpdates, "session_updated");

    /// <summary>Skips <c>session_updated</c> events until one matches.</summary>
    public async Task<JsonElement> NextSessionUpdate(Func<JsonElement, bool> match)
    {
        while (true)
        {
            var session = await NextSessionUpdate();
            if (match(session))
            {
                return session;
            }
        }
    }

    /// <summary>The next <c>game_updated</c>; a phase may take longer than <see cref="Patience"/> to run out, hence <paramref name="patience"/>.</summary>
    public Task<JsonElement> NextGameUpdate(TimeSpan? patience = null) => Next(_gameUpdates, "game_updated", patience);

    /// <summary>Skips <c>game_updated</c> events until one matches.</summary>
    public async Task<JsonElement> NextGameUpdate(Func<JsonElement, bool> match, TimeSpan? patience = null)
    {
        while (true)
        {
            var game = await NextGameUpdate(patience);
            if (match(game))
            {
                return game;
            }
        }
    }

    /// <summary>True when no error event is waiting to be read.</summary>
    public bool HasNoPendingError => !_errors.Reader.TryPeek(out _);

    /// <summary>Waits for the server to close this connection.</summary>
    public async Task WaitUntilClosed()
    {
        try
        {
            await _closed.Task.WaitAsync(Patience, Ct);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The connection of {Username} was still open after {Patience.TotalSeconds} s.");
        }
    }

    public async ValueTask DisposeAsync() => await Hub.DisposeAsync();

    private void Record(string name, JsonElement payload) => _allEvents.Enqueue((name, payload, DateTimeOffset.UtcNow));

    private static async Task<JsonElement> Next(Channel<JsonElement> channel, string eventName, TimeSpan? patience = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(patience ?? Patience);
        try
        {
            return await channel.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            Assert.Fail($"No '{eventName}' event within {(patience ?? Patience).TotalSeconds} s.");
            throw;
        }
    }
}
