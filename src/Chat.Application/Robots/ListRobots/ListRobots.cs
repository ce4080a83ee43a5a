using Chat.Application.Common.Interfaces;
using Mediator;

namespace Chat.Application.Robots.ListRobots;

/// <summary>The robot models a host may pick.</summary>
public sealed record ListRobots : IQuery<IReadOnlyList<string>>;

public sealed class ListRobotsHandler(IRobotCatalog catalog) : IQueryHandler<ListRobots, IReadOnlyList<string>>
{
    public ValueTask<IReadOnlyList<string>> Handle(ListRobots query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(catalog.Models);
}
