using Mediator;

namespace Chat.Application.Common.DueTimes;

/// <summary>
/// One kind of timed transition whose due time is stored with the state it changes
/// (a game's phase end, the robot's ballot; ADR-017). It names the commands due at an
/// instant; each must be idempotent and <see cref="Behaviours.IRetryOnConflict"/>, so
/// that any node may run it, at the same moment as another or again after a restart,
/// and the change happens once. The commands answer whether they changed anything.
/// </summary>
public interface IDueWork
{
    Task<IReadOnlyList<ICommand<bool>>> Due(DateTimeOffset now, CancellationToken cancellationToken);
}
