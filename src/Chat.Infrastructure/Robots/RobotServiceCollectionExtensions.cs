using Chat.Application.Common.Interfaces;
using Chat.Infrastructure.Robots.Leases;
using Chat.Domain.Robots;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Robots;

public static class RobotServiceCollectionExtensions
{
    /// <summary>
    /// The robots from the <c>Robot</c> section: their models (<see cref="IRobotCatalog"/>,
    /// <see cref="IRobotChatClients"/>, <see cref="RobotReplyGuard"/> as <see cref="IRobotReplies"/>),
    /// their names, the <see cref="HumanPace"/> of their replies (scaled by <c>Robot:ReplyDelay</c>),
    /// and the <see cref="RobotConductor"/> that drives their turns. The section
    /// is validated when the host starts, so a bad entry stops it with a clear reason.
    /// </summary>
    public static IServiceCollection AddRobots(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(RobotOptions.SectionName);
        services.AddOptions<RobotOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RobotOptions>>(new RobotOptionsValidator(section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IRobotCatalog, RobotCatalog>();
        services.TryAddSingleton<IRobotChatClients, RobotChatClients>();
        services.TryAddSingleton<RobotReplyGuard>();
        services.TryAddSingleton<IRobotReplies>(sp => sp.GetRequiredService<RobotReplyGuard>());
        services.TryAddSingleton<IRobotNameSource, RandomRobotNames>();
        services.TryAddSingleton<ServerIdentity>();
        services.TryAddScoped<IRobotTurnLease, DatabaseRobotTurnLease>();
        // Random.Shared: thread-safe, and no player can predict the robot's pauses.
        services.TryAddSingleton(sp => HumanPace.Of(sp.GetRequiredService<IOptions<RobotOptions>>().Value.ReplyDelay, Random.Shared));
        services.TryAddSingleton<RobotConductor>();
        services.TryAddSingleton<IRobotTurns>(sp => sp.GetRequiredService<RobotConductor>());
        services.AddHostedService(sp => sp.GetRequiredService<RobotConductor>());
        return services;
    }
}
