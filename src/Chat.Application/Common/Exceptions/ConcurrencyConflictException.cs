namespace Chat.Application.Common.Exceptions;

/// <summary>Another request changed the same aggregate between our read and our write.</summary>
public sealed class ConcurrencyConflictException(Exception inner)
    : Exception("Someone else changed this at the same moment; please try again.", inner);
