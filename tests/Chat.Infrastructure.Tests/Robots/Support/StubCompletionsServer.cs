using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chat.Infrastructure.Tests.Robots.Support;

/// <summary>
/// A local server speaking the OpenAI chat-completions wire format, on a free
/// loopback port, answering every request with the behaviour the test chose.
/// </summary>
internal sealed class StubCompletionsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubCompletionsServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The base address a client is configured with; requests go to <c>{Endpoint}/chat/completions</c>.</summary>
    public Uri Endpoint { get; }

    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    public static async Task<StubCompletionsServer> StartAsync(StubBehaviour behaviour)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();

        StubCompletionsServer? server = null;
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var request = StubRequest.From(body.RootElement, context.Request.Headers.Authorization.ToString());
            server!.Requests.Enqueue(request);
            await behaviour(context, request);
        });

        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server = new StubCompletionsServer(app, new Uri($"{address}/v1"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }
}

/// <summary>How the stub answers one request.</summary>
internal delegate Task StubBehaviour(HttpContext context, StubRequest request);

/// <summary>What a client sent, reduced to what the tests look at.</summary>
internal sealed record StubRequest(string? Model, bool Stream, IReadOnlyList<(string Role, string Content)> Messages, string Authorization)
{
    public static StubRequest From(JsonElement body, string authorization)
    {
        var model = body.TryGetProperty("model", out var m) ? m.GetString() : null;
        var stream = body.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var messages = body.TryGetProperty("messages", out var list)
            ? list.EnumerateArray().Select(e => (e.GetProperty("role").GetString() ?? "", Content(e))).ToList()
            : [];
        return new StubRequest(model, stream, messages, authorization);
    }

    private static string Content(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return "";
        }

        return content.ValueKind == JsonValueKind.Array
            ? string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : ""))
            : content.GetString() ?? "";
    }
}
