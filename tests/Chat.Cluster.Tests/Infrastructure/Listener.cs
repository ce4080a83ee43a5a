using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Cluster.Tests.Infrastructure;

/// <summary>
/// A real SignalR client (JSON protocol, snake_case, default transport negotiation)
/// that records every <c>message</c> event it is sent. With <c>reconnect</c> it
/// reconnects by itself, quickly, as the web page does.
/// </summary>
internal sealed class Listener : IAsyncDisposable
{
    private readonly List<JsonElement> _messages = [];
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Listener(HubConnection hub, string username)
    {
        Hub = hub;
        Username = username;
        hub.On<JsonElement>("message", m =>
        {
            lock (_messages)
            {
                _messages.Add(m);
            }
        });
        hub.Closed += _ =>
        {
            _closed.TrySetResult();
            return Task.CompletedTask;
        };
    }

    public HubConnection Hub { get; }

    public string Username { get; }

    /// <summary>Completes when the connection is closed for good (by the server, or after reconnecting gave up).</summary>
    public Task Closed => _closed.Task;

    /// <summary>Every message event so far, in arrival order.</summary>
    public IReadOnlyList<JsonElement> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<Listener> Open(Uri entry, string username, CookieContainer cookies, bool reconnect)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(entry, "/chat"), o => o.Cookies = cookies)
            .AddJsonProtocol(o => o.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        if (reconnect)
        {
            builder.WithAutomaticReconnect(new QuickRetries());
        }

        var hub = builder.Build();
        var listener = new Listener(hub, username);
        await hub.StartAsync(Ct);
        return listener;
    }

    public Task<JsonElement> Join(string room) => Hub.InvokeAsync<JsonElement>("join", new { room, username = Username }, Ct);

    /// <summary>Rejoins and asks for what came after <paramref name="afterSeq"/>.</summary>
    public Task<JsonElement> JoinAfter(string room, long afterSeq) =>
        Hub.InvokeAsync<JsonElement>("join", new { room, username = Username, after_seq = afterSeq }, Ct);

    /// <summary>Sends a chat message and returns the acknowledgement: the stored Message.</summary>
    public Task<JsonElement> Say(string room, string text) =>
        Hub.InvokeAsync<JsonElement>("message", new { from = Username, room, message = text }, Ct);

    /// <summary>Sends a chat message; null when it was acknowledged, else the server's reason for refusing it.</summary>
    public async Task<string?> TrySay(string room, string text)
    {
        try
        {
            await Say(room, text);
            return null;
        }
        catch (HubException refused)
        {
            return refused.Message;
        }
    }

    /// <summary>Message events whose text starts with the prefix (a test's own), in arrival order.</summary>
    public IReadOnlyList<JsonElement> Saying(string prefix) =>
        [.. Messages.Where(m => m.GetProperty("message").GetString()!.StartsWith(prefix, StringComparison.Ordinal))];

    /// <summary>Waits until a message event matches; fails the test after the timeout.</summary>
    public async Task<JsonElement> WaitFor(Func<JsonElement, bool> match, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var found = Messages.Where(match).ToList();
            if (found.Count > 0)
            {
                return found[0];
            }

            await Task.Delay(20, Ct);
        }

        Assert.Fail($"{Username} did not receive {what} within {timeout.TotalSeconds} s.");
        throw new InvalidOperationException("Unreachable.");
    }

    public Task<JsonElement> WaitForText(string text, TimeSpan timeout) =>
        WaitFor(m => m.GetProperty("message").GetString() == text, timeout, $"'{text}'");

    public async ValueTask DisposeAsync() => await Hub.DisposeAsync();

    /// <summary>Retries at once, then every 200 ms for half a minute.</summary>
    private sealed class QuickRetries : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            retryContext.ElapsedTime > TimeSpan.FromSeconds(30) ? null
            : retryContext.PreviousRetryCount == 0 ? TimeSpan.Zero
            : TimeSpan.FromMilliseconds(200);
    }
}
