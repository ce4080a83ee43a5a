using System.Diagnostics;
using System.Text.Json;
using Chat.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Chat.Web.Tests.Limits;

public static class HubCalls
{
    /// <summary>Sends <c>message</c> without waiting; the task gives null when it was stored, else the server's reason.</summary>
    public static Task<string?> Send(RoomConnection connection, string room, string text)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return Outcome(connection.Hub.InvokeAsync<JsonElement>("message", new { from = connection.Username, room, message = text }, TestContext.Current.CancellationToken));
    }

    /// <summary>Null when the call succeeded, else the reason the server gave.</summary>
    public static async Task<string?> Outcome(Task<JsonElement> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            await call;
            return null;
        }
        catch (HubException refused)
        {
            const string Marker = "HubException: ";
            var at = refused.Message.IndexOf(Marker, StringComparison.Ordinal);
            return at < 0 ? refused.Message : refused.Message[(at + Marker.Length)..];
        }
    }

    public static async Task Eventually(Func<bool> condition, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < RoomConnection.Patience, $"Waited in vain for {what}.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
