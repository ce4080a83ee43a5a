using System.Collections.Concurrent;
using Chat.Application.Common.Telemetry;
using Microsoft.AspNetCore.SignalR;

namespace Chat.Infrastructure.Realtime;

/// <summary>
/// The hub connections this process holds, by user, so that a logout can close
/// them. Only this process's own connections are here by nature: it can close
/// nothing else.
/// </summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<string, (int UserId, HubCallerContext Context)> _connections = new();

    public void Add(int userId, HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_connections.TryAdd(context.ConnectionId, (userId, context)))
        {
            ChatTelemetry.OpenConnections.Add(1);
        }
    }

    public void Remove(string connectionId)
    {
        if (_connections.TryRemove(connectionId, out _))
        {
            ChatTelemetry.OpenConnections.Add(-1);
        }
    }

    /// <summary>This process's live connections and their users.</summary>
    public IReadOnlyDictionary<string, int> Snapshot() =>
        _connections.ToDictionary(c => c.Key, c => c.Value.UserId);

    /// <summary>The ids of this process's connections of one user.</summary>
    public IReadOnlyList<string> ConnectionsOf(int userId) =>
        [.. _connections.Where(c => c.Value.UserId == userId).Select(c => c.Key)];

    public int Close(int userId)
    {
        var closed = 0;
        foreach (var (connectionId, entry) in _connections)
        {
            if (entry.UserId == userId && _connections.TryRemove(connectionId, out _))
            {
                ChatTelemetry.OpenConnections.Add(-1);
                entry.Context.Abort();
                closed++;
            }
        }

        return closed;
    }
}
