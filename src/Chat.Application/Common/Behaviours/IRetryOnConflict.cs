namespace Chat.Application.Common.Behaviours;

/// <summary>
/// Marks a command that reads an aggregate, changes it and saves it, and may
/// simply be run again when another request saved the same aggregate first.
/// </summary>
public interface IRetryOnConflict;
