using Chat.Application.Common.Interfaces;
using Chat.Infrastructure.DueTimes;
using Chat.Infrastructure.Messaging;
using Chat.Application.Presence;
using Chat.Infrastructure.Persistence;
using Chat.Infrastructure.Presence;
using Chat.Infrastructure.Realtime;
using Chat.Infrastructure.Realtime.ScaleOut;
using Chat.Infrastructure.Robots;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Persistence (provider chosen by configuration), the message log, the robots, the Redis scale-out when configured and the health checks.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddChatDatabase(configuration);
        services.AddDataProtection().SetApplicationName("Chat").PersistKeysToDbContext<ChatDbContext>();
        services.AddSingleton<GroupCommitMessageLog>();
        services.AddSingleton<IMessageLog>(sp => sp.GetRequiredService<GroupCommitMessageLog>());
        services.AddHostedService(sp => sp.GetRequiredService<GroupCommitMessageLog>());
        services.AddRobots(configuration);
        services.AddOptions<PresenceOptions>().Bind(configuration.GetSection(PresenceOptions.Section));
        services.AddScoped<IPresenceTracker, DatabasePresenceTracker>();
        services.AddScaleOut(configuration);
        services.AddDueTimes(configuration);
        return services;
    }

    /// <summary>The SignalR side of <see cref="IChatBroadcaster"/>, for the host's hub type, and the registry of this process's connections.</summary>
    public static IServiceCollection AddSignalRBroadcaster<THub>(this IServiceCollection services)
        where THub : Hub
    {
        services.AddSingleton<ConnectionRegistry>();
        services.AddSingleton<NodeControl<THub>>();
        services.AddHostedService(sp => sp.GetRequiredService<NodeControl<THub>>());
        services.AddSingleton<IChatBroadcaster, SignalRBroadcaster<THub>>();
        return services;
    }

    /// <summary>
    /// The timer that runs the presence use cases over this process's connections
    /// (<see cref="PresenceSweeper"/>); it needs <see cref="AddSignalRBroadcaster{THub}"/>'s registry.
    /// </summary>
    public static IServiceCollection AddPresenceSweeper(this IServiceCollection services)
    {
        services.AddHostedService<PresenceSweeper>();
        return services;
    }
}
