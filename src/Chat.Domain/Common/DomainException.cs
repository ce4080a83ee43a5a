namespace Chat.Domain.Common;

/// <summary>
/// A request that breaks a rule of the domain (a full session, a second session
/// for one player, ...). The message is written for the person who asked.
/// </summary>
public class DomainException(string message) : Exception(message);
