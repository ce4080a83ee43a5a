using Chat.Application.Common.Interfaces;

namespace Chat.Infrastructure.Robots;

/// <summary><see cref="RobotNames"/> on the shared, thread-safe <see cref="Random"/>: a name per call, unpredictable to players.</summary>
internal sealed class RandomRobotNames : IRobotNameSource
{
    public string NextName() => RobotNames.Create(Random.Shared);
}
