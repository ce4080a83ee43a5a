namespace Chat.Application.Common.Exceptions;

/// <summary>The request is well formed but clashes with the current state (a name taken, ...).</summary>
public sealed class ConflictException(string message) : Exception(message);
