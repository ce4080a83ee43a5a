using Mediator;

namespace Chat.Application.Common.DueTimes;

/// <summary>Every command due now, from every kind of due work; what a sweeper runs, each in a scope of its own.</summary>
public sealed record FindDueWork : IQuery<IReadOnlyList<ICommand<bool>>>;

public sealed class FindDueWorkHandler(IEnumerable<IDueWork> kinds, TimeProvider clock)
    : IQueryHandler<FindDueWork, IReadOnlyList<ICommand<bool>>>
{
    public async ValueTask<IReadOnlyList<ICommand<bool>>> Handle(FindDueWork query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<ICommand<bool>> due = [];
        foreach (var kind in kinds)
        {
            due.AddRange(await kind.Due(now, cancellationToken));
        }

        return due;
    }
}
