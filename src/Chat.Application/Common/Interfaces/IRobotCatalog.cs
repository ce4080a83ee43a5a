namespace Chat.Application.Common.Interfaces;

/// <summary>The robots a host may pick when hosting a session, as configured.</summary>
public interface IRobotCatalog
{
    /// <summary>
    /// The model names a host may pick, in the order configuration lists them.
    /// A keyed configuration section lists its keys sorted, so this is key order.
    /// </summary>
    IReadOnlyList<string> Models { get; }

    /// <summary>Whether <paramref name="model"/> is offered; ordinal and exact, as stored on the session.</summary>
    bool Offers(string model);
}
