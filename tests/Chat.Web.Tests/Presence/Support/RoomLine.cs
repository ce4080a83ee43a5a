using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Web.Tests.Presence.Support;

/// <summary>
/// A real SignalR client on WebSockets that records the <c>message</c> and
/// <c>session_updated</c> events. Waiting for one is bounded by
/// <see cref="Eventually.Patience"/>, long enough for a grace period to run out.
/// </summary>
public sealed class RoomLine : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly string _username;
    private readonly Channel<JsonElement> _messages = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _sessionUpdates = Channel.CreateUnbounded<JsonElement>();
    private readonly ConcurrentQueue<string> _texts = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RoomLine(HubConnection hub, string username)
    {
        _hub = hub;
        _username = username;
        hub.On<JsonElement>("message", m =>
        {
            _texts.Enqueue(m.GetProperty("message").GetString()!);
            _messages.Writer.TryWrite(m);
        });
        hub.On<JsonElement>("session_updated", s => _sessionUpdates.Writer.TryWrite(s));
        hub.Closed += _ =>
        {
            _closed.TrySetResult();
            return Task.CompletedTask;
        };
    }

    /// <summary>The text of every <c>message</c> event received so far, in order.</summary>
    public IReadOnlyList<string> Texts => [.. _texts];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<RoomLine> Open(Uri baseAddress, string username, CookieContainer cookies)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/chat"), HttpTransportType.WebSockets, o => o.Cookies = cookies)
            .Build();
        var line = new RoomLine(hub, username);
        try
        {
            await hub.StartAsync(Ct);
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }

        return line;
    }

    public Task Join(string room) => _hub.InvokeAsync<JsonElement>("join", new { room, username = _username }, Ct);

    public Task Say(string room, string text) => _hub.InvokeAsync<JsonElement>("message", new { from = _username, room, message = text }, Ct);

    /// <summary>Closes the connection from the client's side, as a dropped network or a closed tab does.</summary>
    public Task Stop() => _hub.StopAsync(Ct);

    public async Task<JsonElement> NextMessageSaying(string text) => await Next(_messages, m => m.GetProperty("message").GetString() == text, $"a message saying '{text}'");

    public async Task<JsonElement> NextSessionUpdate(Func<JsonElement, bool> match) => await Next(_sessionUpdates, match, "a matching session_updated");

    /// <summary>Waits for the server to close this connection.</summary>
    public async Task WaitUntilClosedByTheServer()
    {
        try
        {
            await _closed.Task.WaitAsync(Eventually.Patience, Ct);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The connection of {_username} was still open after {Eventually.Patience.TotalSeconds} s.");
        }
    }

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    private static async Task<JsonElement> Next(Channel<JsonElement> channel, Func<JsonElement, bool> match, string what)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Eventually.Patience);
        try
        {
            while (true)
            {
                var item = await channel.Reader.ReadAsync(timeout.Token);
                if (match(item))
                {
                    return item;
                }
            }
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            Assert.Fail($"No {what} within {Eventually.Patience.TotalSeconds} s.");
            throw;
        }
    }
}
