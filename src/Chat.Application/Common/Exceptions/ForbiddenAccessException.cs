namespace Chat.Application.Common.Exceptions;

/// <summary>The caller is known but may not do this (not a player of that room, not that sender).</summary>
public sealed class ForbiddenAccessException(string message) : Exception(message);
