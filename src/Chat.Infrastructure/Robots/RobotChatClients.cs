using Chat.Application.Common.Interfaces;
using Chat.Infrastructure.Robots.Offline;
using Chat.Infrastructure.Robots.OpenAICompatible;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Robots;

/// <summary>
/// One client per offered model, made at startup and shared by every session:
/// the clients are thread-safe and hold the HTTP connection pool, so making one
/// per turn would waste connections.
/// </summary>
internal sealed class RobotChatClients : IRobotChatClients, IDisposable
{
    private readonly Dictionary<string, IChatClient> _clients = new(StringComparer.Ordinal);

    public RobotChatClients(IOptions<RobotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var robot = options.Value;
        foreach (var (name, model) in robot.Models.Where(m => m.Value.Enabled))
        {
            _clients[name] = new ProviderFailureChatClient(Create(name, model, robot.ReplyTimeout), name);
        }
    }

    public IChatClient ClientFor(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return _clients.TryGetValue(model, out var client)
            ? client
            : throw new ArgumentException($"The robot model '{model}' is not offered.", nameof(model));
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }

    private static IChatClient Create(string name, RobotModelOptions model, TimeSpan timeout) => model.Provider switch
    {
        RobotProvider.Offline => new OfflineChatClient(name, model.Seed),
        RobotProvider.OpenAI => OpenAICompatibleChatClient.Create(model, timeout),
        _ => throw new InvalidOperationException($"The robot model '{name}' has no known provider."),
    };
}
