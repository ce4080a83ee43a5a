namespace Chat.Application.Common.Behaviours;

/// <summary>
/// Marks a command that reads an aggregate, changes it and saves it, and may
/// simply be run again, in a new transaction, when another request saved first:
/// the same aggregate (a concurrency token) or a row a unique index keeps single
/// (the same room name, a second seat). Run again, the handler reads the winner's
/// state and either succeeds or refuses with the precise reason.
/// </summary>
public interface IRetryOnConflict : ITransactional;
