using Chat.Application.Common.Interfaces;
using Microsoft.Extensions.AI;

namespace Chat.Infrastructure.Robots;

/// <summary>The language model behind each offered robot, created once and shared.</summary>
public interface IRobotChatClients
{
    /// <summary>
    /// The client for an offered model. Its calls throw <see cref="RobotProviderException"/>
    /// when the provider fails, times out or answers something unreadable, and
    /// <see cref="OperationCanceledException"/> only when the caller's token is cancelled.
    /// </summary>
    /// <exception cref="ArgumentException">The model is not offered (see <see cref="IRobotCatalog"/>).</exception>
    IChatClient ClientFor(string model);
}
