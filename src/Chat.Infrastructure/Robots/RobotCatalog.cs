using Chat.Application.Common.Interfaces;
using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Robots;

/// <summary>The enabled entries of <c>Robot:Models</c>, read once: changing the offer needs a restart.</summary>
internal sealed class RobotCatalog : IRobotCatalog
{
    private readonly HashSet<string> _offered;

    public RobotCatalog(IOptions<RobotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Models = [.. options.Value.Models.Where(m => m.Value.Enabled).Select(m => m.Key)];
        _offered = new HashSet<string>(Models, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Models { get; }

    public bool Offers(string model) => model is not null && _offered.Contains(model);
}
