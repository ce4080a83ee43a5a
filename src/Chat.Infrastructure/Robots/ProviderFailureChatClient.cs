using System.ClientModel;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Chat.Application.Common.Interfaces;
using Microsoft.Extensions.AI;

namespace Chat.Infrastructure.Robots;

/// <summary>
/// Turns whatever a provider's SDK throws (HTTP status, socket, timeout, JSON)
/// into <see cref="RobotProviderException"/>, so callers catch one documented
/// type. Cancellation the caller asked for still surfaces as cancellation.
/// </summary>
internal sealed class ProviderFailureChatClient(IChatClient inner, string model) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages,
        ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception exception) when (IsProviderFailure(exception, cancellationToken))
        {
            throw Translate(exception);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A yield cannot sit inside a try with a catch, so the stream is walked by hand.
        IAsyncEnumerator<ChatResponseUpdate> updates;
        try
        {
            updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        }
        catch (Exception exception) when (IsProviderFailure(exception, cancellationToken))
        {
            throw Translate(exception);
        }

        await using (updates)
        {
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync())
                    {
                        yield break;
                    }
                }
                catch (Exception exception) when (IsProviderFailure(exception, cancellationToken))
                {
                    throw Translate(exception);
                }

                yield return updates.Current;
            }
        }
    }

    private static bool IsProviderFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is not RobotProviderException
        && !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested);

    private RobotProviderException Translate(Exception exception) => exception switch
    {
        ClientResultException { Status: > 0 } status => new(model, RobotFailure.ErrorStatus, status.Status, exception),
        ClientResultException or HttpRequestException or IOException => new(model, RobotFailure.Unreachable, null, exception),

        // The SDK reports its own network timeout as a cancellation nobody asked for.
        OperationCanceledException or TimeoutException => new(model, RobotFailure.Timeout, null, exception),
        JsonException or FormatException or InvalidOperationException or KeyNotFoundException
            => new(model, RobotFailure.MalformedReply, null, exception),
        _ => new(model, RobotFailure.Other, null, exception),
    };
}
