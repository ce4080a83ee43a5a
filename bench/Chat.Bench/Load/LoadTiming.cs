using System.Diagnostics;
using Chat.Bench.Clients;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Bench.Load;

internal static class LoadTiming
{
    /// <summary>How long to keep listening after the last send, so messages sent in the window are still received and timed.</summary>
    public static readonly TimeSpan DeliveryGrace = TimeSpan.FromSeconds(1);

    /// <summary>How long unanswered invocations are awaited once sending has stopped.</summary>
    public static readonly TimeSpan CompletionTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Sends one message and records the outcome. A refusal by the hub lets the
    /// client carry on; a lost connection tells loops to stop instead of
    /// spinning on it.
    /// </summary>
    public static async Task<SendOutcome> SendAsync(BenchClient client, long sentAt, Measurement measurement)
    {
        try
        {
            await client.SendAsync(sentAt);
            measurement.RecordAccepted(sentAt, Stopwatch.GetTimestamp());
            return SendOutcome.Accepted;
        }
        catch (HubException)
        {
            measurement.RecordFailure();
            return SendOutcome.Refused;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or OperationCanceledException)
        {
            measurement.RecordFailure();
            return SendOutcome.ConnectionLost;
        }
    }
}

internal enum SendOutcome
{
    Accepted,
    Refused,
    ConnectionLost,
}
