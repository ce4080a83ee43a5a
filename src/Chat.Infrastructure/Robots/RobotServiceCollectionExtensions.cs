using Chat.Application.Common.Interfaces;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Robots;

public static class RobotServiceCollectionExtensions
{
    /// <summary>
    /// The robots' models from the <c>Robot</c> section: <see cref="IRobotCatalog"/>,
    /// <see cref="IRobotChatClients"/> and <see cref="RobotReplyGuard"/>. The section
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
        return services;
    }
}
