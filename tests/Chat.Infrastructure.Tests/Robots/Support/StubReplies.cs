using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Chat.Infrastructure.Tests.Robots.Support;

/// <summary>The chat-completions answers and failures the stub server can give.</summary>
internal static class StubReplies
{
    private const long Created = 1_767_225_600;

    /// <summary>A proper answer: one JSON body, or SSE chunks word by word when the client asked to stream.</summary>
    public static StubBehaviour Answer(string content) => (context, request) =>
        request.Stream
            ? Stream(context, Words(content), TimeSpan.Zero)
            : Json(context, Completion(request.Model, content));

    /// <summary>A stream whose chunks arrive <paramref name="gap"/> apart.</summary>
    public static StubBehaviour SlowStream(IReadOnlyList<string> chunks, TimeSpan gap) => (context, _) =>
        Stream(context, chunks, gap);

    public static StubBehaviour Status(int status) => async (context, _) =>
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { error = new { message = "The stub failed on purpose.", type = "server_error", code = (string?)null } });
    };

    /// <summary>A 200 whose body is cut off in the middle of the JSON.</summary>
    public static StubBehaviour Malformed() => async (context, _) =>
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"id": "chatcmpl-1", "object": "chat.completion", "choices": [{"index": 0, "message": {"role": "assi""");
    };

    /// <summary>A 200 with an SSE line that is not JSON.</summary>
    public static StubBehaviour MalformedStream() => async (context, _) =>
    {
        context.Response.ContentType = "text/event-stream";
        await context.Response.WriteAsync("data: {\"id\": \"chatcmpl-1\", \"choices\": [ oops\n\n");
    };

    /// <summary>Starts a stream, then drops the connection without finishing it.</summary>
    public static StubBehaviour DroppedStream(string firstChunk) => async (context, _) =>
    {
        context.Response.ContentType = "text/event-stream";
        await Event(context, Chunk(new { role = "assistant", content = firstChunk }, finishReason: null));
        context.Abort();
    };

    /// <summary>Says nothing for <paramref name="delay"/>, then answers; gives up when the client does.</summary>
    public static StubBehaviour Silent(TimeSpan delay, string content) => async (context, request) =>
    {
        await Task.Delay(delay, context.RequestAborted);
        await Answer(content)(context, request);
    };

    private static string[] Words(string content) =>
        [.. content.Split(' ').Select((w, i) => i == 0 ? w : " " + w)];

    private static Task Json(HttpContext context, object body) => context.Response.WriteAsJsonAsync(body);

    private static async Task Stream(HttpContext context, IReadOnlyList<string> chunks, TimeSpan gap)
    {
        context.Response.ContentType = "text/event-stream";
        for (var i = 0; i < chunks.Count; i++)
        {
            if (i > 0 && gap > TimeSpan.Zero)
            {
                await Task.Delay(gap, context.RequestAborted);
            }

            var delta = i == 0 ? (object)new { role = "assistant", content = chunks[i] } : new { content = chunks[i] };
            await Event(context, Chunk(delta, finishReason: null));
        }

        await Event(context, Chunk(new { }, finishReason: "stop"));
        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private static async Task Event(HttpContext context, object payload)
    {
        await context.Response.WriteAsync($"data: {JsonSerializer.Serialize(payload)}\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private static object Completion(string? model, string content) => new
    {
        id = "chatcmpl-stub",
        @object = "chat.completion",
        created = Created,
        model = model ?? "stub",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 5, completion_tokens = 3, total_tokens = 8 },
    };

    private static object Chunk(object delta, string? finishReason) => new
    {
        id = "chatcmpl-stub",
        @object = "chat.completion.chunk",
        created = Created,
        model = "stub",
        choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
    };
}
