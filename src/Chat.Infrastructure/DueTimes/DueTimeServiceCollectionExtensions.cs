using Chat.Application.Games;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Infrastructure.DueTimes;

internal static class DueTimeServiceCollectionExtensions
{
    /// <summary>The game's lengths and the sweeper that carries out every stored due time.</summary>
    public static IServiceCollection AddDueTimes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GameOptions>().Bind(configuration.GetSection(GameOptions.Section));
        services.AddOptions<DueTimeOptions>().Bind(configuration.GetSection(DueTimeOptions.Section));
        services.AddHostedService<DueTimeSweeper>();
        return services;
    }
}
