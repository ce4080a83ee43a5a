using Chat.Application.Common.Interfaces;
using Chat.Application.Common.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using DomainMessage = Chat.Domain.Messages.ChatMessage;

namespace Chat.Infrastructure.Robots;

/// <summary>
/// Asks a robot's model for its next line and keeps every failure inside: a
/// provider that errs, hangs or answers garbage yields <c>null</c> (the robot
/// stays silent this turn), logged with the session and model, and never a
/// half-finished line.
/// </summary>
public sealed partial class RobotReplyGuard(
    IRobotChatClients clients,
    IOptions<RobotOptions> options,
    TimeProvider time,
    ILogger<RobotReplyGuard> logger) : IRobotReplies
{
    /// <summary>
    /// The reply, trimmed, without the robot's own name in front, and fit to post as
    /// a chat message (<see cref="DomainMessage.TextProblem"/>), or null when there is none.
    /// Throws only <see cref="OperationCanceledException"/>, and only when
    /// <paramref name="cancellationToken"/> is cancelled (the host is stopping).
    /// </summary>
    public async Task<string?> ReplyAsync(
        int sessionId,
        string model,
        RobotConversation conversation,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var timeout = options.Value.ReplyTimeout;
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);

        string text;
        try
        {
            var updates = clients.ClientFor(model).GetStreamingResponseAsync(RobotTranscript.For(conversation), options: null, linked.Token);
            text = await ReplyStream.ReadAsync(updates, DomainMessage.MaxStoredLength, linked.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            LogTimedOut(sessionId, model, timeout);
            ChatTelemetry.RobotFailures.Add(1);
            return null;
        }
        catch (RobotProviderException exception)
        {
            LogProviderFailed(exception, sessionId, model, exception.Failure);
            ChatTelemetry.RobotFailures.Add(1);
            return null;
        }
#pragma warning disable CA1031 // Whatever else goes wrong with a robot, the room must go on without it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogUnexpected(exception, sessionId, model);
            ChatTelemetry.RobotFailures.Add(1);
            return null;
        }

        // A model that imitates the transcript may put the robot's name in front of its line.
        text = RobotTranscript.WithoutOwnName(text, conversation.RobotName);
        var problem = Problem(text);
        if (problem is not null)
        {
            LogUnusable(sessionId, model, problem);
            ChatTelemetry.RobotFailures.Add(1);
            return null;
        }

        ChatTelemetry.RobotReplies.Add(1);
        return text.Trim();
    }

    /// <summary>Why a model's answer cannot be posted as the robot's line, or null when it can.</summary>
    internal static string? Problem(string text)
    {
        var trimmed = text.Trim();
        var problem = DomainMessage.TextProblem(trimmed);
        if (problem is not null)
        {
            return problem;
        }

        return trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? "It contains control characters."
            : null;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Robot {Model} in session {SessionId} stays silent: no answer within {Timeout}.")]
    private partial void LogTimedOut(int sessionId, string model, TimeSpan timeout);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Robot {Model} in session {SessionId} stays silent: the provider failed ({Failure}).")]
    private partial void LogProviderFailed(Exception exception, int sessionId, string model, RobotFailure failure);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Robot {Model} in session {SessionId} stays silent: its answer is unusable. {Problem}")]
    private partial void LogUnusable(int sessionId, string model, string problem);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Robot {Model} in session {SessionId} stays silent: unexpected failure.")]
    private partial void LogUnexpected(Exception exception, int sessionId, string model);
}
