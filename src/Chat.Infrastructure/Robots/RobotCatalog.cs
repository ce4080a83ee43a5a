using Chat.Application.Common.Interfaces;
using Microsoft.Extensions.Configuration;

namespace Chat.Infrastructure.Robots;

/// <summary>The models listed under <c>Robot:Models</c>, in configuration order.</summary>
internal sealed class RobotCatalog(IConfiguration configuration) : IRobotCatalog
{
    public IReadOnlyList<string> Models { get; } =
        [.. configuration.GetSection("Robot:Models").GetChildren().Select(c => c.Key)];

    public bool Offers(string model) => Models.Contains(model, StringComparer.Ordinal);
}
